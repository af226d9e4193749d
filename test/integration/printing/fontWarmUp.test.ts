/**
 * The label fonts load in the background after the station opens (warmCjkFonts.ts, started by
 * electron/station/stationPrinting.ts): afterwards the first relabel in each native script, in every format, reads
 * no font file (it uses the fonts already in memory); the warm-up does not block its caller, logs a font it cannot
 * load and goes on, and stops when the station does. Asserted by counting font reads, never by time.
 */
import { describe, expect, it, vi } from 'vitest';
import { CJK_FONT_KEYS, cjkFontReads } from '../../../electron/printing/fonts/cjkFonts.ts';
import { warmCjkFonts } from '../../../electron/printing/fonts/warmCjkFonts.ts';
import { renderDocument, type RenderRequest } from '../../../electron/printing/renderDocument.ts';
import { NATIVE_RELABELS } from './support/demoLabels.ts';

const FORMATS: RenderRequest[] = [{ format: 'zpl', dpi: 203 }, { format: 'zpl', dpi: 300 }, { format: 'epl' }, { format: 'pdf' }, { format: 'html' }];
const quietLog = () => ({ warn: vi.fn(), debug: vi.fn() });

describe('label fonts warmed up after start', () => {
  it('loads every script and weight without blocking, and the first CJK labels then read no font file', async () => {
    expect(cjkFontReads()).toBe(0);
    const warm = warmCjkFonts(quietLog(), { startDelayMs: 0 });
    expect(cjkFontReads()).toBe(0);
    expect(await warm.done).toEqual({ loaded: CJK_FONT_KEYS.length, failed: 0 });
    expect(CJK_FONT_KEYS).toHaveLength(8);
    expect(cjkFontReads()).toBe(8);

    for (const label of NATIVE_RELABELS) {
      for (const request of FORMATS) {
        const doc = await renderDocument(label.model(), request);
        expect(doc.ok, `${label.name} ${request.format}`).toBe(true);
        expect(cjkFontReads(), `${label.name} ${request.format} read a font file`).toBe(8);
      }
    }
  });

  it('logs a font it cannot load and loads the others', async () => {
    const log = quietLog();
    const loaded: string[] = [];
    const warm = warmCjkFonts(log, {
      load: (script, bold) => {
        if (script === 'ja' && bold) throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
        loaded.push(`${script}/${bold}`);
      },
    });
    expect(await warm.done).toEqual({ loaded: 7, failed: 1 });
    expect(loaded).toHaveLength(7);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[0]).toMatchObject({ script: 'ja', bold: true });
  });

  it('stops with the station: nothing loads after stop()', async () => {
    const load = vi.fn();
    const warm = warmCjkFonts(quietLog(), { startDelayMs: 20, load });
    warm.stop();
    expect(await warm.done).toEqual({ loaded: 0, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(load).not.toHaveBeenCalled();
  });
});
