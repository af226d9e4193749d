/**
 * The bench moves the focus by itself (to the length after a capture, to the scan field after an accept …). While a
 * full-window page (lookup, lead, operators) holds the focus, it must not take it away: a person typing a search
 * would lose what they type. Those pages mark their root with `data-full-page`.
 */
export function focusOnBench(element: HTMLElement | null | undefined): void {
  const active = document.activeElement;
  if (active instanceof Element && active.closest('[data-full-page]') !== null) return;
  element?.focus();
}
