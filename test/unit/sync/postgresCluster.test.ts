import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { assertPostgresBinaries, PG_INSTALL_COMMAND } from '../../support/postgresCluster.ts';

describe('throwaway PostgreSQL helper', () => {
  it('fails (never skips) with the exact install command when the binaries are missing', () => {
    expect(() => assertPostgresBinaries(os.tmpdir())).toThrow(PG_INSTALL_COMMAND);
    expect(PG_INSTALL_COMMAND).toBe('apt-get update && apt-get install -y postgresql-15');
  });
  it('finds the installed binaries', () => {
    expect(() => assertPostgresBinaries()).not.toThrow();
  });
});
