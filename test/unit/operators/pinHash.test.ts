import { describe, expect, it } from 'vitest';
import { hashPin, NO_PIN_HASH, PIN_SCRYPT, verifyPin } from '../../../electron/station/pinHash.ts';

describe('PIN hashes', () => {
  it('stores scrypt with its parameters and a fresh salt, never the PIN, and verifies only the right PIN', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).toMatch(new RegExp(`^scrypt\\$${PIN_SCRYPT.N}\\$${PIN_SCRYPT.r}\\$${PIN_SCRYPT.p}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(a).not.toContain('4821');
    expect(a).not.toBe(b); // per-PIN salt
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4821', b)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(await verifyPin('48210', a)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, so they can be raised later', async () => {
    const cheap = await hashPin('1234', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPin('1234', cheap)).toBe(true);
    expect(await verifyPin('1235', cheap)).toBe(false);
  });

  it('a stored value it did not write, a tampered hash, or the no-PIN placeholder matches nothing', async () => {
    const good = await hashPin('1234', { N: 1024, r: 8, p: 1 });
    const parts = good.split('$');
    const tampered = [...parts.slice(0, 5), Buffer.alloc(32, 1).toString('base64')].join('$');
    for (const stored of ['', '1234', 'scrypt$x$8$1$aa$bb', tampered, NO_PIN_HASH, good.replace('scrypt', 'bcrypt')]) {
      expect(await verifyPin('1234', stored)).toBe(false);
    }
  });
});
