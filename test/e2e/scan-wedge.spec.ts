/**
 * Keyboard-wedge scanning in Chromium (issue 4): keystrokes at scanner speed become one scan even when another
 * input has focus, and never land in that input; the same characters at human speed stay ordinary typing.
 * Runs against the scan harness page (test/e2e/pages/scan-harness) with the production useWedgeScanner hook.
 */
import { expect, test, type Page } from '@playwright/test';
import { startScanHarness, type HarnessServer } from './pages/scanHarnessServer.ts';

let harness: HarnessServer;

test.beforeAll(async () => {
  harness = await startScanHarness();
});

test.afterAll(async () => {
  await harness.close();
});

test.beforeEach(async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('notes')).toBeVisible();
});

const entries = (page: Page) => page.getByTestId('scan-entry');

/** A scanner types a whole code in a few milliseconds and ends it with Enter. */
async function scannerTypes(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

test('a scanner-speed burst becomes one scan while an unrelated field has focus, and the field stays empty', async ({ page }) => {
  const notes = page.getByTestId('notes');
  await notes.click();
  await scannerTypes(page, 'APELAX1040039963');

  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toHaveAttribute('data-source', 'wedge');
  await expect(entries(page).first()).toHaveAttribute('data-kind', 'ecms_waybill');
  await expect(entries(page).first()).toHaveAttribute('data-tracking', 'APELAX1040039963');
  await expect(notes).toHaveValue('');
  await expect(page.getByTestId('notes-state')).toHaveText('');
  await expect(notes).toBeFocused();
});

test('the same characters typed at human speed stay ordinary typing in the focused field', async ({ page }) => {
  const notes = page.getByTestId('notes');
  await notes.click();
  await page.keyboard.type('APELAX1040039963', { delay: 120 });
  await page.keyboard.press('Enter');

  await expect(notes).toHaveValue('APELAX1040039963');
  // React state saw every character (the replay goes through the browser's editing path).
  await expect(page.getByTestId('notes-state')).toHaveText('APELAX1040039963');
  await expect(entries(page)).toHaveCount(0);
});

test('typing and scanning interleave: text typed before and after a scan stays, the scan is captured', async ({ page }) => {
  const remarks = page.getByTestId('remarks');
  await remarks.click();
  await page.keyboard.type('box ', { delay: 110 });
  await scannerTypes(page, '1Z879E930346834440');
  await page.keyboard.type('ok', { delay: 110 });

  await expect(remarks).toHaveValue('box ok');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toHaveAttribute('data-kind', 'ups_1z');
  await expect(entries(page).first()).toHaveAttribute('data-valid', 'true');
});

test('a GS1 scan keeps its group separator typed as Ctrl+]', async ({ page }) => {
  await page.getByTestId('notes').click();
  await page.keyboard.type(']C142078745', { delay: 0 });
  await page.keyboard.press('Control+BracketRight');
  await page.keyboard.type('9400111206206406260787', { delay: 0 });
  await page.keyboard.press('Enter');

  await expect(entries(page)).toHaveCount(1);
  const entry = entries(page).first();
  await expect(entry).toHaveAttribute('data-kind', 'usps_impb');
  await expect(entry).toHaveAttribute('data-tracking', '9400111206206406260787');
  await expect(entry).toContainText(']C142078745\\u001d9400111206206406260787');
  await expect(page.getByTestId('notes')).toHaveValue('');
});

test('a scan is captured when focus is on a button, and Enter does not press the button', async ({ page }) => {
  await page.getByTestId('some-button').focus();
  await scannerTypes(page, 'TBA000000000000');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toHaveAttribute('data-kind', 'amazon_logistics');
  await expect(page.getByTestId('button-clicks')).toHaveText('0');
  // Control: a person pressing Enter on the button does press it.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('button-clicks')).toHaveText('1');
});

test('an invalid check digit is still delivered as one scan, classified invalid', async ({ page }) => {
  await page.getByTestId('notes').click();
  await scannerTypes(page, '9400111206206406260788');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('notes')).toHaveValue('');
});

test('fields inside [data-wedge-passthrough] get fast keystrokes untouched', async ({ page }) => {
  const field = page.getByTestId('passthrough');
  await field.click();
  await scannerTypes(page, 'APELAX1040039963');
  await expect(field).toHaveValue('APELAX1040039963');
  await expect(entries(page)).toHaveCount(0);
});
