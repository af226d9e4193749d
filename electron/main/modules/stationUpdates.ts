/**
 * Updates from HQ in the packaged app: electron-updater (electronUpdaterAdapter.ts) driven by the update controller
 * (updateController.ts): checks at start and every 4 hours, downloads in the background, and between parcels asks
 * the signed-in lead in a dialog whether to install now (nobody else is asked). Off when the app runs unpackaged (`npm start`) or without an HQ
 * address and token — the log says which.
 */
import { dialog } from 'electron';
import type { AppModule } from '../appModule.ts';
import { createElectronUpdateSource } from '../updates/electronUpdaterAdapter.ts';
import { createUpdateController } from '../updates/updateController.ts';
import { DEFAULT_CHECK_EVERY_HOURS, HOUR_MS } from '../../../shared/update/updatePolicy.ts';

export interface UpdateFeedConfig {
  readonly hqUrl: string | null;
  readonly hqToken: string | null;
}

export function stationUpdates(feed: () => UpdateFeedConfig): AppModule {
  return {
    name: 'station-updates',
    async enable(ctx) {
      const { hqUrl, hqToken } = feed();
      if (!ctx.app.isPackaged || hqUrl === null || hqToken === null) {
        ctx.logger.info({ packaged: ctx.app.isPackaged, hq: hqUrl !== null }, 'updates from HQ are off (unpackaged app or no HQ address and token)');
        return;
      }
      const { autoUpdater } = await import('electron-updater');
      const source = createElectronUpdateSource(autoUpdater, { hqUrl, token: hqToken }, (err) => ctx.logger.warn({ err }, 'update check or download failed'));
      const controller = createUpdateController({
        source,
        now: Date.now,
        timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
        intakeState: async () => (await ctx.station.handlers['intake.current']({}))?.state ?? 'idle',
        askLead: async (version) => {
          // Only a signed-in lead may confirm; with nobody or an operator at the screen it is "later".
          const lead = ctx.station.session.state().session;
          if (ctx.station.session.role() !== 'lead' || !lead) return false;
          const options = {
            type: 'question' as const,
            buttons: ['Install now', 'Later'],
            defaultId: 1,
            cancelId: 1,
            title: 'Update ready',
            message: `ECMS Intake ${version} is ready to install.`,
            detail: `Signed in as lead ${lead.name}. The station closes, installs the update and opens again in about a minute. Choose Later to keep working; you will be asked again in an hour.`,
          };
          const answer = ctx.window ? await dialog.showMessageBox(ctx.window, options) : await dialog.showMessageBox(options);
          return answer.response === 0;
        },
        everyMs: DEFAULT_CHECK_EVERY_HOURS * HOUR_MS,
        remindMs: HOUR_MS,
        retryMs: 60_000,
        onState: (state) => ctx.logger.info({ update: state }, 'update state'),
      });
      controller.start();
      ctx.app.on('before-quit', () => controller.stop());
    },
  };
}
