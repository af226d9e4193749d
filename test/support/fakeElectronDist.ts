/**
 * A stand-in for Electron's Linux distribution folder, for running the real electron-builder without the
 * (undownloadable) Electron zip: an `electron` file carrying the fuse sentinel and a fuse wire in the states a stock
 * Electron ships with, so electron-builder's fuse step flips it exactly as it would flip the real binary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** @electron/fuses' sentinel (node_modules/@electron/fuses/dist/constants.js) and fuse states '0' / '1'. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Stock Electron: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, integrity off, asar-only off, V8 snapshot off, file privileges on. */
export const STOCK_FUSE_WIRE = '10110001';

export function writeFakeElectronDist(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\nexit 0\n${SENTINEL}`), Buffer.from([1, STOCK_FUSE_WIRE.length]), Buffer.from(STOCK_FUSE_WIRE), Buffer.from('\n')]);
  writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
  return dir;
}
