/**
 * Fuzz suite over the station's trust boundaries (fast-check, each property bounded in time): IPC payloads through
 * the contract parse and dispatch, WebSocket JSON frames (the frame schema, then dispatch; raw protocol bytes are
 * the host's own suite), serial scanner byte streams, and the files an HQ admin imports (CSV and JSON manifests,
 * reference documents). Zero crashes; every refusal is a typed error with plain words (no stack, no schema text).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMANDS } from '../../../shared/contract/commands.ts';
import { COMMAND_NAMES } from '../../../shared/contract/commandNames.ts';
import { ERROR_CODES } from '../../../shared/contract/errorCodes.ts';
import { ClientFrameSchema } from '../../../shared/contract/wireFrames.ts';
import { SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';
import { findTextProblem } from '../../../shared/text/cleanText.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { CommandHandlers } from '../../../electron/station/commandHandlers.ts';
import { createScanLineFramer } from '../../../electron/devices/scanner/scanLineFramer.ts';
import { readManifestFile } from '../../../hq/admin/manifestFile.ts';
import { readReferenceFile } from '../../../hq/admin/importReference.ts';
import { HqError } from '../../../hq/hqError.ts';
import { hostileText } from '../../support/hostileText.ts';

/** Each property stops after this long (interrupted runs count as passed); the suite stays well under 20 s. */
const BOUND = { numRuns: 400, interruptAfterTimeLimit: 1000 } as const;

/** Handlers that accept whatever reached them and check it is clean: the contract is the only gate. */
const reached: unknown[] = [];
const handlers = new Proxy({}, { get: () => (req: unknown) => { reached.push(req); return {}; } }) as CommandHandlers;
const silentLog = { error: () => {} };

function expectPlainError(error: { code: string; message: string }): void {
  expect(ERROR_CODES).toContain(error.code);
  expect(error.message).not.toMatch(/\n\s+at |ZodError|invalid_type|expected (string|number|object)/);
}

/** JSON-ish values with hostile strings in them, close to real requests often enough to pass the outer checks. */
const hostileJson = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('commandId', 'intakeId', 'raw', 'source', 'reason', 'note', 'operator', 'manual', 'value', 'unit', 'limit', 'holdIds', '__proto__', 'constructor'), tie('v'), { maxKeys: 6 }),
  ),
})).v;

/** Requests right in every field but one hostile text, so the text checks themselves are what is exercised. */
const nearValid: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.record({ commandId: fc.uuid(), intakeId: fc.uuid(), raw: hostileText, source: fc.constantFrom('wedge', 'serial', 'camera', 'typed') }).map((r) => ['intake.scan', r] as [string, unknown]),
  fc.record({ commandId: fc.uuid(), intakeId: fc.uuid(), reason: hostileText }).map((r) => ['intake.cancel', r] as [string, unknown]),
  fc.record({ commandId: fc.uuid(), intakeId: fc.uuid(), damaged: fc.boolean(), note: hostileText }).map((r) => ['intake.reportDamage', r] as [string, unknown]),
  fc.record({ commandId: fc.uuid(), intakeId: fc.uuid(), manual: fc.record({ value: fc.constant('1.5'), unit: fc.constant('lb'), reason: hostileText }) }).map((r) => ['intake.captureWeight', r] as [string, unknown]),
  fc.record({ operator: hostileText }).map((r) => ['settings.update', r] as [string, unknown]),
  fc.record({ commandId: fc.uuid(), holdIds: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }), note: hostileText }).map((r) => ['holds.release', r] as [string, unknown]),
);
const anyRequest: fc.Arbitrary<[string, unknown]> = fc.oneof(nearValid, fc.tuple(fc.oneof(fc.constantFrom(...COMMAND_NAMES), fc.string()), hostileJson));

describe('IPC payloads: contract parse and dispatch', () => {
  it('any command name and any request: a Result, never a throw; a refusal is typed and plain', async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, async ([name, request]) => {
        const r = await dispatchCommand(handlers, name, request, silentLog);
        if (!r.ok) expectPlainError(r.error);
      }),
      BOUND,
    );
  });

  it('text that reaches a handler is always clean (scans keep only their GS / RS separators)', () => {
    let taken = 0;
    fc.assert(
      fc.property(anyRequest, ([name, request]) => {
        if (!(COMMAND_NAMES as readonly string[]).includes(name)) return;
        const parsed = COMMANDS[name as (typeof COMMAND_NAMES)[number]].request.safeParse(request);
        if (!parsed.success) return;
        taken++;
        const strings: string[] = [];
        JSON.stringify(parsed.data, (_k, v: unknown) => (typeof v === 'string' ? (strings.push(v), v) : v));
        for (const s of strings) expect(findTextProblem(s, { keepScanSeparators: true, keepLineBreaks: true })).toBeNull();
      }),
      BOUND,
    );
    expect(taken).toBeGreaterThan(10);
    expect(reached.length).toBeGreaterThan(10);
  });
});

describe('WebSocket JSON frames', () => {
  it('any text frame: parsed or refused, and a parsed frame dispatches to a typed Result', async () => {
    const frameText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.record({ id: fc.oneof(fc.nat(), fc.integer(), fc.string()), command: fc.oneof(fc.constantFrom(...COMMAND_NAMES), hostileText), request: hostileJson }).map((f) => JSON.stringify(f)),
      fc.tuple(fc.nat(), nearValid).map(([id, [command, request]]) => JSON.stringify({ id, command, request })),
    );
    await fc.assert(
      fc.asyncProperty(frameText, async (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return;
        }
        const frame = ClientFrameSchema.safeParse(json);
        if (!frame.success) return;
        const r = await dispatchCommand(handlers, frame.data.command, frame.data.request, silentLog);
        if (!r.ok) expectPlainError(r.error);
      }),
      BOUND,
    );
  });
});

describe('serial scanner byte streams', () => {
  it('any bytes in any chunks: only clean scans of at most SCAN_MAX_LENGTH characters come out', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }), (chunks) => {
        const framer = createScanLineFramer(SCAN_MAX_LENGTH);
        for (const chunk of chunks) {
          for (const out of framer.push(chunk)) {
            if (out.type !== 'scan') continue;
            expect(out.text.length).toBeGreaterThan(0);
            expect(out.text.length).toBeLessThanOrEqual(SCAN_MAX_LENGTH);
            expect(findTextProblem(out.text, { keepScanSeparators: true })).toBeNull();
          }
        }
        expect(framer.pending()).toBeLessThanOrEqual(SCAN_MAX_LENGTH + 300 * 8);
      }),
      BOUND,
    );
  });
});

describe('imported files (hq/admin)', () => {
  const csvField = fc.oneof(hostileText, fc.constantFrom('"', '""', ',', '\r\n', 'APELAX1040039963', 'LAX', '12.5'));
  const csvText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.array(csvField, { maxLength: 8 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\n')),
    fc.array(csvField, { maxLength: 8 }).map((f) => `waybill,warehouse,destination,consigneeName\n${f.join(',')}`),
  );

  it('manifest CSV and JSON: entries or problems, each with its place; every entry taken is clean', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, hostileJson.map((v) => JSON.stringify(v) ?? 'null')), fc.constantFrom('m.csv', 'm.json'), (text, name) => {
        let r;
        try {
          r = readManifestFile(text, name);
        } catch (err) {
          // The CSV reader refuses a malformed line with a typed error naming it.
          expect(err).toBeInstanceOf(HqError);
          expect((err as HqError).code).toBe('INVALID_REQUEST');
          return;
        }
        for (const p of r.problems) expect(p.source.length).toBeGreaterThan(0);
        for (const e of r.entries) {
          const strings: string[] = [];
          JSON.stringify(e, (_k, v: unknown) => (typeof v === 'string' ? (strings.push(v), v) : v));
          for (const s of strings) expect(findTextProblem(s, { keepLineBreaks: true })).toBeNull();
        }
      }),
      BOUND,
    );
  });

  it('reference documents: accepted or refused with a typed INVALID_REQUEST', () => {
    const doc = fc.record({ kind: fc.constantFrom('rateCard', 'prohibitedRules', 'x'), docId: hostileText, version: fc.oneof(fc.nat(), hostileText), body: hostileJson });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.record({ docs: fc.array(doc, { maxLength: 3 }) }).map((f) => JSON.stringify(f))), (text) => {
        try {
          readReferenceFile(text, 'ref.json');
        } catch (err) {
          expect(err).toBeInstanceOf(HqError);
          expect((err as HqError).code).toBe('INVALID_REQUEST');
        }
      }),
      BOUND,
    );
  });

  it('a manifest with a NUL or a direction override in a name is refused with its place, never imported', () => {
    const row = (name: string) => JSON.stringify([{ waybill: 'APELAX1040039963', consignee: { name } }]);
    for (const name of ['Ana\u0000', 'Ana\u202e', 'Ana\ud800']) {
      const r = readManifestFile(row(name), 'm.json');
      expect(r.entries).toEqual([]);
      expect(r.problems[0]).toMatchObject({ source: 'm.json[0]', message: expect.stringMatching(/character .* remove it from the file/) });
    }
  });
});
