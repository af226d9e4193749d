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
  const signedIn = page.getByTestId('signed-in-as').filter({ hasText: person.name });
  // Already signed in (a test signed in over its own socket first: the station has one session for every client).
  await id.or(signedIn).first().waitFor();
  if (await signedIn.isVisible()) return;
  // The station's info is in: the screen is connected.
  await page.getByTestId('station-id').filter({ hasText: '·' }).waitFor();
  await id.fill(person.operatorId);
  await id.press('Enter');
  await page.getByTestId('sign-in-pin').fill(person.pin);
  await page.getByTestId('sign-in-pin').press('Enter');
  await page.getByTestId('signed-in-as').filter({ hasText: person.name }).waitFor();
}

/** Opens the station page and signs in on its sign-in screen. */
export async function openSignedIn(page: Page, url: string, person: DemoPerson = DEMO_LEAD): Promise<void> {
  await page.goto(url);
  await signInOnScreen(page, person);
}
