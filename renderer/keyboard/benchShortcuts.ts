/**
 * The bench's keyboard shortcuts, shown on screen. Function keys only: a keyboard-wedge scanner types printable
 * characters, Enter, Tab and Ctrl+] (renderer/scan/useWedgeScanner.ts), never a function key, so a shortcut can
 * neither be typed by a scan nor cut a scan short. Enter is the flow's own key (next size field, confirm).
 */
export const SHORTCUT_ACTIONS = ['focusScan', 'typeWeight', 'damaged', 'reprint', 'cancel'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface Shortcut {
  readonly key: string;
  readonly action: ShortcutAction;
  /** What the key does, as shown on the screen. */
  readonly label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'F2', action: 'focusScan', label: 'Scan field' },
  { key: 'F4', action: 'typeWeight', label: 'Type the weight' },
  { key: 'F6', action: 'damaged', label: 'Damaged' },
  { key: 'F8', action: 'reprint', label: 'Reprint' },
  { key: 'F9', action: 'cancel', label: 'Cancel parcel' },
];

/** The shortcut a keydown asks for (a bare function key), or null. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'repeat'>): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.repeat) return null;
  return SHORTCUTS.find((s) => s.key === event.key)?.action ?? null;
}
