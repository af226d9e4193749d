/**
 * `npm run build`: the renderer (Vite + React), the Electron main process (one CJS file, native modules external)
 * and the sandboxed preload (one self-contained CJS file) into out/.
 */
import { build } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBuildInfo } from './stampBuildInfo.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildAll(options: { quiet?: boolean } = {}): Promise<void> {
  const logLevel = options.quiet ? 'warn' : 'info';
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel });
  await build({
    root,
    configFile: false,
    logLevel,
    build: {
      ssr: path.join(root, 'electron/main/main.ts'),
      outDir: path.join(root, 'out/main'),
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'main.cjs' } },
    },
  });
  await build({
    root,
    configFile: false,
    logLevel,
    build: {
      outDir: path.join(root, 'out/preload'),
      emptyOutDir: true,
      target: 'chrome120',
      minify: false,
      lib: { entry: path.join(root, 'electron/preload/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rollupOptions: { external: ['electron'] },
    },
  });
  writeBuildInfo(root);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
