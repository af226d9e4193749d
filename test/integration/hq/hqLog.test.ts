/**
 * HQ writes the same JSON-lines log as the station: in its log directory (beside the PGlite data dir by default),
 * Fastify's request lines included, personal data masked, old files deleted.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { hqLogSettings, openHqLog } from '../../../hq/server/hqLogger.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { makeTempDir } from '../../support/tempDir.ts';

describe('HQ log', () => {
  it('defaults to <data dir>-logs, and flags win over the environment', () => {
    const pglite = { kind: 'pglite', dataDir: '/srv/hq' } as const;
    expect(hqLogSettings({}, {}, pglite, false)).toMatchObject({ dir: '/srv/hq-logs', level: 'warn', retentionDays: 14, fileStem: 'hq', pretty: false });
    expect(hqLogSettings({ 'log-dir': '/a', 'log-retention-days': '3' }, { HQ_LOG_DIR: '/b', HQ_LOG_RETENTION_DAYS: '9' }, pglite, false)).toMatchObject({ dir: '/a', retentionDays: 3 });
    expect(hqLogSettings({}, { HQ_LOG_DIR: '/b', HQ_LOG_RETENTION_DAYS: '9', HQ_LOG_PRETTY: '1' }, pglite, false)).toMatchObject({ dir: '/b', retentionDays: 9, pretty: true });
    expect(() => hqLogSettings({ 'log-retention-days': 'soon' }, {}, pglite, false)).toThrow();
  });

  it('writes JSON lines with the request log, masks personal data and deletes expired files', async () => {
    const temp = makeTempDir('hq-log');
    try {
      const settings = hqLogSettings({ 'log-dir': path.join(temp.dir, 'logs'), 'log-level': 'info' }, {}, { kind: 'memory' }, false);
      mkdirSync(settings.dir, { recursive: true });
      const old = path.join(settings.dir, 'hq.2026-01-01.1.log');
      writeFileSync(old, '{}\n');
      utimesSync(old, new Date('2026-01-01'), new Date('2026-01-01'));
      const log = await openHqLog(settings);
      const app = buildHqServer({ db: {} as HqDb, loggerInstance: log.logger });
      expect((await app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
      log.logger.info({ consigneeName: 'Wang Fang', phone: '+1 310 555 0142' }, 'manifest row');
      await app.close();
      const file = log.file();
      await log.close();
      expect(readdirSync(settings.dir)).not.toContain('hq.2026-01-01.1.log');
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.some((l) => l['req'] !== undefined && l['process'] === 'hq')).toBe(true);
      expect(lines.find((l) => l['msg'] === 'manifest row')).toMatchObject({ consigneeName: 'W*** F***', phone: '***42' });
      expect(readFileSync(file, 'utf8')).not.toContain('Wang Fang');
    } finally {
      temp.cleanup();
    }
  });
});
