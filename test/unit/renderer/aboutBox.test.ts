/** The About box (renderer/about/AboutBox.tsx) shows the build stamp station.info carries, or says there is none. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AboutBox, aboutLines } from '../../../renderer/about/AboutBox.tsx';
import { StationInfoSchema } from '../../../shared/contract/commands.ts';

const base = {
  stationId: 'LAX-DOCK-3', warehouse: 'LAX', operator: 'Ana', version: '0.2.0', transport: 'electron' as const,
  demo: false, dataDir: '/var/lib/ecms', clockWarning: null,
};

describe('About box', () => {
  it('shows the version, the commit and build time, the station, how it runs and the data folder', () => {
    const info = StationInfoSchema.parse({ ...base, build: { version: '0.2.0', commit: '1a2b3c4d5e6f', builtAt: '2026-12-04T19:31:50.131Z' } });
    expect(aboutLines(info)).toEqual([
      ['Version', '0.2.0'],
      ['Build', '1a2b3c4d5e6f, 2026-12-04 19:31:50 UTC'],
      ['Station', 'LAX-DOCK-3 (LAX)'],
      ['Runs as', 'desktop app'],
      ['Data folder', '/var/lib/ecms'],
    ]);
    const html = renderToStaticMarkup(createElement(AboutBox, { info }));
    expect(html).toContain('ECMS Intake 0.2.0');
    expect(html).toMatch(/data-testid="about-build">1a2b3c4d5e6f, 2026-12-04 19:31:50 UTC</);
  });

  it('says when the app was not built (sources) or not built from git', () => {
    const unbuilt = StationInfoSchema.parse({ ...base, transport: 'browser', build: null });
    expect(aboutLines(unbuilt)[1]).toEqual(['Build', 'not a built app (running from sources)']);
    expect(aboutLines(unbuilt)[3]).toEqual(['Runs as', 'browser mode']);
    const noGit = StationInfoSchema.parse({ ...base, build: { version: '0.2.0', commit: null, builtAt: '2026-12-04T19:31:50Z' } });
    expect(aboutLines(noGit)[1]).toEqual(['Build', 'not from a git checkout, 2026-12-04 19:31:50 UTC']);
  });

  it('station.info refuses a build stamp that is not one', () => {
    expect(StationInfoSchema.safeParse({ ...base, build: { version: '0.2.0', commit: 'x', builtAt: 'yesterday' } }).success).toBe(false);
    expect(StationInfoSchema.safeParse({ ...base }).success).toBe(false);
  });
});
