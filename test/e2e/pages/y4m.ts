/**
 * Writes a grey frame as a YUV4MPEG2 (.y4m, 4:2:0) video for Chromium's fake camera
 * (--use-file-for-fake-video-capture): luma = the grey pixels, chroma neutral. Chromium loops the frames.
 */
import { writeFileSync } from 'node:fs';
import type { GreyFrame } from '../../../renderer/scan/luminance.ts';

export function writeGreyY4m(file: string, frame: GreyFrame, frames = 2, fps = 10): void {
  if (frame.width % 2 !== 0 || frame.height % 2 !== 0) throw new Error('4:2:0 needs even width and height');
  const header = Buffer.from(`YUV4MPEG2 W${frame.width} H${frame.height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const chroma = Buffer.alloc((frame.width / 2) * (frame.height / 2) * 2, 128);
  const one = Buffer.concat([Buffer.from('FRAME\n', 'latin1'), Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength), chroma]);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => one)]));
}
