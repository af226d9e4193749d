/**
 * Signing in through the screen, as a worker does: operator id, Enter, PIN, Enter, then the top bar names the person.
 * Every spec that drives the bench opens the station page with `openSignedIn` (default: the demo lead, who may do
 * everything; the demo station's people are in resources/demo/README.md).
 */
import type { Page } from '@playwright/test';
import { DEMO_LEAD, DEMO_OPERATOR, type DemoPerson } from '../../../electron/station/demoOperators.ts';

export { DEMO_LEAD, DEMO_OPERATOR };

export async function signInOnScreen(page: Page, person: DemoPerson = DEMO_LEAD): Promise<void> {
  const id = page.getByTestId('sign-in-id');
  const pin = page.getByTestId('sign-in-pin');
  const signedIn = page.getByTestId('signed-in-as').filter({ hasText: person.name });
  // The station has one session for every client: a test may have signed in over its own socket first, and the
  // screen learns it a moment after it first draws the sign-in screen. So: whichever shows, until it settles.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (await signedIn.isVisible()) return;
    if (await id.isVisible()) {
      try {
        await id.fill(person.operatorId, { timeout: 2_000 });
        await id.press('Enter', { timeout: 2_000 });
        await pin.fill(person.pin, { timeout: 2_000 });
        await pin.press('Enter', { timeout: 2_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        continue;
      }
    }
    if (Date.now() > deadline) throw new Error(`neither the sign-in screen nor ${person.name} signed in appeared`);
    await page.waitForTimeout(100);
  }
  await signedIn.waitFor();
}

/** Opens the station page and signs in on its sign-in screen. */
export async function openSignedIn(page: Page, url: string, person: DemoPerson = DEMO_LEAD): Promise<void> {
  await page.goto(url);
  await signInOnScreen(page, person);
}
