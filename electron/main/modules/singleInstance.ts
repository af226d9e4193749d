import type { AppModule } from '../appModule.ts';

/** One station window per machine: a second launch focuses the first and exits. */
export const singleInstance: AppModule = {
  name: 'single-instance',
  enable(ctx) {
    if (!ctx.app.requestSingleInstanceLock()) {
      ctx.app.quit();
      return;
    }
    ctx.app.on('second-instance', () => {
      if (ctx.window) {
        if (ctx.window.isMinimized()) ctx.window.restore();
        ctx.window.focus();
      }
    });
  },
};
