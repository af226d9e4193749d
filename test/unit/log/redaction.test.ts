/**
 * The one redaction config: names, phones and addresses are masked wherever they sit in a line (top, one or two
 * levels down), ID numbers never appear, and other fields pass untouched.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskAddress, maskName, maskPhone, REMOVED } from '../../../shared/log/redaction.ts';
import { recordingLogger } from '../../support/recordingLogger.ts';

describe('log redaction', () => {
  it('masks names, phones and addresses and removes ID numbers at every depth', () => {
    const { logger, lines, text } = recordingLogger();
    const person = { consigneeName: 'Wang Fang', phone: '+1 (310) 555-0142', consigneeAddress: '12 Elm St, Springfield, US', idNumber: 'G12345678' };
    logger.info(person, 'top');
    logger.info({ intake: person }, 'one down');
    logger.info({ intake: { manifest: person } }, 'two down');
    logger.info({ waybill: 'APELAX1040000101', state: 'scanned' }, 'other fields');
    for (const secret of ['Wang', 'Fang', '555-0142', '5550142', 'Elm St', 'Springfield', 'G12345678']) expect(text()).not.toContain(secret);
    const masked = { consigneeName: 'W*** F***', phone: '***42', consigneeAddress: '*** US', idNumber: REMOVED };
    expect(lines[0]).toMatchObject(masked);
    expect(lines[1]).toMatchObject({ intake: masked });
    expect(lines[2]).toMatchObject({ intake: { manifest: masked } });
    expect(lines[3]).toMatchObject({ waybill: 'APELAX1040000101', state: 'scanned' });
  });

  it('never leaves more than the first letter of a name word, two digits of a phone, the last part of an address', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{2,12}$/), { minLength: 1, maxLength: 4 }), (words) => {
      const masked = maskName(words.join(' '));
      for (const w of words) expect(masked).not.toContain(w);
      expect(masked.replace(/\*/g, '').replace(/ /g, '').length).toBe(words.length);
    }));
    fc.assert(fc.property(fc.stringMatching(/^\+?[0-9 ()-]{7,20}$/), (phone) => {
      expect(maskPhone(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(2);
    }));
    expect(maskAddress('1 Sample Way, Ontario, CA 91761, US')).toBe('*** US');
    expect(maskAddress('no commas here')).toBe('***');
  });

  it('removes a personal field that is not a string rather than guess how to mask it', () => {
    const { logger, lines } = recordingLogger();
    logger.info({ phone: 3105550142, consigneeName: { first: 'Wang' } }, 'odd shapes');
    expect(lines[0]).toMatchObject({ phone: REMOVED, consigneeName: REMOVED });
  });
});
