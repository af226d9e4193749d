import { existsSync } from 'node:fs';

/** Chromium for browser mode and the end-to-end tests: CHROMIUM_PATH, then the usual system locations. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  return candidates.find((c): c is string => typeof c === 'string' && c !== '' && existsSync(c)) ?? null;
}

/** Flags for a headless or app-window Chromium on these machines (no background network, no sandbox as root). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
