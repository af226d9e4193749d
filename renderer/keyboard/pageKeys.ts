/**
 * Keys on a full-window page (lookup, lead, operators) stay on that page: the bench underneath must not act on
 * them. The page's root carries `data-wedge-passthrough` (a scanner burst there is not an intake scan) and takes the
 * focus when it opens; this handler stops the bench's function-key shortcuts from reaching the bench.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** True when the key was a function key, kept from the bench. */
export function keepFunctionKeysOnPage(event: ReactKeyboardEvent): boolean {
  if (!/^F\d{1,2}$/.test(event.key)) return false;
  event.stopPropagation();
  event.preventDefault();
  return true;
}
