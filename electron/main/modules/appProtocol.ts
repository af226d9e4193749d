/**
 * Serves the built renderer from app://station/ instead of file:// (security checklist 18), with the CSP header.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import type { AppModule } from '../appModule.ts';
import { APP_SCHEME } from '../appOrigin.ts';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStaticPath } from '../../host/staticFiles.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export const appProtocol: AppModule = {
  name: 'app-protocol',
  enable(ctx) {
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveStaticPath(ctx.rendererDir, new URL(request.url).pathname);
      if (file === null) return new Response('not found', { status: 404 });
      try {
        return new Response(await readFile(file), {
          headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
        });
      } catch {
        return new Response('not found', { status: 404 });
      }
    });
  },
};
