/**
 * The main process is a list of small modules, each enabled in order with the same context.
 */
import type { App, BrowserWindow } from 'electron';
import type { Station } from '../station/createStation.ts';
import type { Logger } from '../log/openLogger.ts';

export interface AppContext {
  readonly app: App;
  readonly station: Station;
  /** The main process's logger (the station's lines go to the same file). */
  readonly logger: Logger;
  /** The app's own origin; only frames from here may call the station. */
  readonly appOrigin: string;
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** Set by the window module once the window exists. */
  window: BrowserWindow | null;
}

export interface AppModule {
  readonly name: string;
  enable(context: AppContext): void | Promise<void>;
}
