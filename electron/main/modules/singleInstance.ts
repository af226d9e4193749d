import type { AppModule } from '../appModule.ts';

/**
 * One station window per machine: a second launch focuses the first. (The lock itself is taken in startMain.ts,
 * before anything opens; the second launch quits there.)
 */
export const singleInstance: AppModule = {
  name: 'single-instance',
  enable(ctx) {
    ctx.app.on('second-instance', () => {
      if (ctx.window) {
        if (ctx.window.isMinimized()) ctx.window.restore();
        ctx.window.focus();
      }
    });
  },
};
