/**
 * The script a destination writes consignee names and addresses in, when it is not Latin: Simplified Chinese for
 * CN, Traditional Chinese for HK and TW, Japanese for JP, Korean for KR. Each picks the matching Noto Sans CJK
 * font (the glyph shapes of a shared Han character differ between them). Other destinations print Latin only.
 */
import type { Destination } from './destinations.ts';

export const NATIVE_SCRIPTS = ['zh-Hans', 'zh-Hant', 'ja', 'ko'] as const;
export type NativeScript = (typeof NATIVE_SCRIPTS)[number];

const SCRIPT_OF: Readonly<Partial<Record<Destination, NativeScript>>> = { CN: 'zh-Hans', HK: 'zh-Hant', TW: 'zh-Hant', JP: 'ja', KR: 'ko' };

export function nativeScriptOf(destination: Destination): NativeScript | null {
  return SCRIPT_OF[destination] ?? null;
}
