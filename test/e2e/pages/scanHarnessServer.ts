/**
 * Serves the scan harness page (pages/scan-harness) with Vite's dev server on a free local port, for the scan e2e
 * specs. Vite's cache goes under test-results/, not node_modules/.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../../..');

export interface HarnessServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startScanHarness(): Promise<HarnessServer> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: path.join(here, 'scan-harness'),
    cacheDir: path.join(repoRoot, 'test-results/vite-scan-harness'),
    plugins: [react()],
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: [repoRoot] }, hmr: false },
    optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-runtime', '@zxing/library', 'zod'] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the scan harness server has no local URL');
  return { url, close: () => server.close() };
}
