/**
 * What a build of the station is: the app version and the build's stamp (the commit it was built from and when),
 * written by `npm run build` into out/build-info.json and shown in the About box and station.info.
 */
import { z } from 'zod';

export const BuildInfoSchema = z.object({
  version: z.string().min(1),
  /** The git commit the build was made from (short hash, `-dirty` when the checkout had changes); null: not built from git. */
  commit: z.string().min(1).nullable(),
  /** When the build was made, ISO 8601. */
  builtAt: z.iso.datetime(),
});
export type BuildInfo = z.infer<typeof BuildInfoSchema>;

/** The build stamp's file, relative to the app's root (inside app.asar when packaged). */
export const BUILD_INFO_FILE = 'out/build-info.json';
