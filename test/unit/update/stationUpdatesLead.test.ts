/**
 * The packaged app's update module asks only a signed-in lead to install (issue 15: "installs only between parcels
 * at a lead's confirmation"). Electron, electron-updater and the controller are stand-ins; the question it would
 * put on screen is captured.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contract/commandRoles.ts';

const shown: Array<{ detail: string }> = [];
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (options: { detail: string }) => {
      shown.push(options);
      return { response: 0 };
    },
  },
}));
vi.mock('electron-updater', () => ({ autoUpdater: {} }));
vi.mock('../../../electron/main/updates/electronUpdaterAdapter.ts', () => ({ createElectronUpdateSource: () => ({}) }));
let askLead: ((version: string) => Promise<boolean>) | null = null;
vi.mock('../../../electron/main/updates/updateController.ts', () => ({
  createUpdateController: (deps: { askLead: (version: string) => Promise<boolean> }) => {
    askLead = deps.askLead;
    return { start: () => undefined, stop: () => undefined };
  },
}));

const { stationUpdates } = await import('../../../electron/main/modules/stationUpdates.ts');

async function enableWith(role: Role | null): Promise<(version: string) => Promise<boolean>> {
  const person = role === null ? null : { operatorId: role === 'lead' ? '9001' : '1001', name: role === 'lead' ? 'Lee Park' : 'Dana Reyes', role };
  const ctx = {
    app: { isPackaged: true, on: () => undefined },
    logger: { info: () => undefined, warn: () => undefined },
    window: null,
    station: { session: { role: () => role, state: () => ({ session: person }) }, handlers: { 'intake.current': async () => null } },
  };
  await stationUpdates(() => ({ hqUrl: 'https://hq.example.test', hqToken: 't' })).enable(ctx as never);
  if (!askLead) throw new Error('the update controller was not created');
  return askLead;
}

beforeEach(() => {
  shown.length = 0;
  askLead = null;
});

describe('installing an update needs a signed-in lead', () => {
  it('asks nobody and counts as "later" when nobody or an operator is signed in', async () => {
    for (const role of [null, 'operator'] as const) {
      const ask = await enableWith(role);
      expect(await ask('1.2.3')).toBe(false);
    }
    expect(shown).toEqual([]);
  });

  it('asks the signed-in lead by name, and their "Install now" confirms', async () => {
    const ask = await enableWith('lead');
    expect(await ask('1.2.3')).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.detail).toContain('Signed in as lead Lee Park');
  });
});
