/**
 * Runs the bench's function-key shortcuts (benchShortcuts.ts) wherever the focus is. The keys pass the wedge
 * detector untouched (they are never part of a scan), so this listens in the ordinary bubbling phase.
 */
import { useEffect, useRef } from 'react';
import { shortcutOf, type ShortcutAction } from './benchShortcuts.ts';

export function useBenchShortcuts(run: (action: ShortcutAction) => void): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (action === null) return;
      event.preventDefault();
      runRef.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
