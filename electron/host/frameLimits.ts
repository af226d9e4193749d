/**
 * The largest WebSocket frame the browser-mode host reads (ws `maxPayload`), sized from the contract's limits: the
 * largest command a screen sends is a hold-shelf batch (HOLD_BATCH_MAX hold ids and a note of NOTE_MAX_LENGTH), every
 * character JSON-escaped at worst (6 bytes for one UTF-16 unit). A larger frame is closed with 1009 (message too big)
 * before it is parsed; a 70 KB paste into the scan field is one.
 */
import { NOTE_MAX_LENGTH, REASON_MAX_LENGTH, SCAN_MAX_LENGTH } from '../../shared/contract/limits.ts';

/** Hold ids in one batch (shared/contract/holds.ts). */
export const HOLD_BATCH_MAX = 500;
/** A hold id is a UUID; room for twice that. */
const HOLD_ID_BYTES = 72;
const ESCAPED_BYTES_PER_UNIT = 6;
/** The frame's own fields (id, command name, commandId, intakeId …). */
const ENVELOPE_BYTES = 1024;

export const LARGEST_COMMAND_BYTES =
  HOLD_BATCH_MAX * (HOLD_ID_BYTES + 3) + Math.max(NOTE_MAX_LENGTH, REASON_MAX_LENGTH, SCAN_MAX_LENGTH) * ESCAPED_BYTES_PER_UNIT + ENVELOPE_BYTES;

/** The next power of two above the largest command (64 KiB today). */
export const MAX_FRAME_BYTES = 2 ** Math.ceil(Math.log2(LARGEST_COMMAND_BYTES));
