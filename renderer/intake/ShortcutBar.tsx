import { SHORTCUTS } from '../keyboard/benchShortcuts.ts';

/** The bench's keys, always on screen. */
export function ShortcutBar() {
  return (
    <section className="shortcuts" aria-label="Keyboard shortcuts" data-testid="shortcuts">
      <span className="shortcut"><kbd>Enter</kbd> next size field · confirm</span>
      {SHORTCUTS.map((s) => (
        <span key={s.key} className="shortcut"><kbd>{s.key}</kbd> {s.label}</span>
      ))}
    </section>
  );
}
