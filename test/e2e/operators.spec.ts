/**
 * Operators and roles through the real station (issue 12 item 1): the sign-in screen, an operator takes in a parcel
 * that records them, a lead action sent anyway from the page is refused by the core with its typed error, sign out,
 * a lead signs in and manages operators on screen. Screenshots of the sign-in screen and the Operators page.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from './support/stationFixture.ts';
import { DEMO_LEAD, DEMO_OPERATOR, signInOnScreen } from './support/signIn.ts';
import { shoot } from './support/benchPage.ts';

/** A command sent over a WebSocket the page opens itself, with the page's own token: what a forged client would do. */
function forge(page: Page, command: string, request: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return page.evaluate(([command, request]) => new Promise((resolve, reject) => {
    const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
    const ws = new WebSocket(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
    ws.onopen = () => ws.send(JSON.stringify({ id: 1, command, request }));
    ws.onmessage = (m) => {
      const frame = JSON.parse(String(m.data)) as { type: string; id?: number; result?: unknown };
      if (frame.type === 'result' && frame.id === 1) {
        ws.close();
        resolve(frame.result as { ok: boolean; error?: { code: string; message: string } });
      }
    };
    ws.onerror = () => reject(new Error('the page could not open its own WebSocket'));
  }), [command, request] as const);
}

test('sign in, take in a parcel, a lead action is refused by the core, sign out, a lead signs in and manages operators', async ({ page, station }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(station.proc.info.pageUrl);
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toHaveCount(0);
  await expect(page.getByTestId('sign-in-id')).toBeFocused();
  await shoot(page, 'sign-in');

  // A wrong PIN is refused in plain words; the PIN field is emptied for another try.
  await page.keyboard.type(DEMO_OPERATOR.operatorId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-pin')).toBeFocused();
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toHaveAttribute('data-code', 'SIGN_IN_FAILED');
  await expect(page.getByTestId('sign-in-error')).toContainText('do not match');
  await shoot(page, 'sign-in-refused');

  await signInOnScreen(page, DEMO_OPERATOR);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in: ${DEMO_OPERATOR.name} · operator`);
  await expect(page.getByTestId('open-operators')).toHaveCount(0);

  await page.getByTestId('scan-input').fill('1Z4E81W20370000156');
  await page.getByTestId('scan-input').press('Enter');
  await expect(page.getByTestId('waybill')).toHaveText('APELAX1040000101');
  await page.getByTestId('manual-weight').fill('3.2');
  await page.getByTestId('manual-reason').fill('operators e2e');
  await page.getByRole('button', { name: 'Type weight' }).click();
  await expect(page.getByTestId('captured-weight')).toContainText('3.20 lb');

  // Hidden on screen, and refused by the core when sent anyway.
  const release = await forge(page, 'holds.release', { commandId: crypto.randomUUID(), holdIds: ['any-hold'], note: 'forged release' });
  expect(release).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });
  const add = await forge(page, 'operators.add', { commandId: crypto.randomUUID(), operatorId: '6666', name: 'Mallory', role: 'lead', pin: '6666' });
  expect(add).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });
  const settings = await forge(page, 'settings.update', { idleSignOutMinutes: 240 });
  expect(settings).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByTestId('sign-out-reason')).toHaveText(`${DEMO_OPERATOR.name} signed out.`);
  // Signed out, the core refuses the bench's commands too.
  expect(await forge(page, 'intake.recent', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });

  await signInOnScreen(page, DEMO_LEAD);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in: ${DEMO_LEAD.name} · lead`);
  await page.getByTestId('open-operators').click();
  const pageEl = page.getByTestId('operators-page');
  await expect(pageEl).toBeVisible();
  await expect(page.getByTestId(`operator-${DEMO_OPERATOR.operatorId}`)).toContainText(DEMO_OPERATOR.name);
  await page.getByTestId('add-id').fill('2002');
  await page.getByTestId('add-name').fill('Sam Ortiz');
  await page.getByTestId('add-pin').fill('2468');
  await page.getByTestId('add-operator').getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('operators-done')).toHaveText('Sam Ortiz was added and can sign in now.');
  await expect(page.getByTestId('operator-2002')).toContainText('Sam Ortiz');
  // The only lead cannot take away their own lead role.
  await page.getByRole('combobox', { name: `Role of ${DEMO_LEAD.name}` }).selectOption('operator');
  await expect(page.getByTestId('operators-error')).toHaveAttribute('data-code', 'LAST_LEAD');
  await shoot(page, 'operators-page');
  await page.keyboard.press('Escape');
  await expect(pageEl).toHaveCount(0);

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true });
  const intake = db.prepare("SELECT operator FROM intakes WHERE tracking = '1Z4E81W20370000156'").get();
  const people = db.prepare('SELECT operator_id, role, pin_hash FROM operators ORDER BY operator_id').all() as Array<{ operator_id: string; role: string; pin_hash: string }>;
  db.close();
  expect(intake).toEqual({ operator: DEMO_OPERATOR.operatorId });
  expect(people.map((p) => [p.operator_id, p.role])).toEqual([[DEMO_OPERATOR.operatorId, 'operator'], ['2002', 'operator'], [DEMO_LEAD.operatorId, 'lead']]);
  for (const p of people) expect(p.pin_hash).toMatch(/^scrypt\$/);
});
