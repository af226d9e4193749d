import { session } from 'electron';
import type { AppModule } from '../appModule.ts';
import { allowPermission, lockDownContents } from '../lockdown.ts';

/** Applies the navigation/window lockdown to every web contents and narrows permissions to the camera. */
export const securityLockdown: AppModule = {
  name: 'security-lockdown',
  enable(ctx) {
    const log = (line: string) => ctx.logger.warn({ part: 'security' }, line);
    ctx.app.on('web-contents-created', (_event, contents) => lockDownContents(contents, ctx.appOrigin, log));
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
      const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      callback(allowPermission(permission, contents.getURL(), ctx.appOrigin, mediaTypes));
    });
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      allowPermission(permission, requestingOrigin, ctx.appOrigin));
  },
};
