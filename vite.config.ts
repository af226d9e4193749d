import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer (renderer/) into out/renderer, served by the Electron window or the browser-mode host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
