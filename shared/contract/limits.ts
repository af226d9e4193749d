/**
 * The lengths of the text a worker types, defined once: the contract's schemas enforce them at the trust boundary and
 * the screen's inputs use the same numbers (minLength / maxLength), so the two never disagree.
 */

/** The shortest note or reason a worker may write (a hold-shelf note, why a weight was typed, why an intake was cancelled). */
export const NOTE_MIN_LENGTH = 3;
/** A hold-shelf batch note, kept in the audit log. */
export const NOTE_MAX_LENGTH = 300;
/** Why a weight was typed, why an intake was cancelled, a damage note. */
export const REASON_MAX_LENGTH = 200;
/** A worker's name as the station shows and records it. */
export const OPERATOR_MAX_LENGTH = 60;
/** A scanned or typed label, as read. */
export const SCAN_MAX_LENGTH = 200;
/** The most recent intakes one `intake.recent` call may ask for. */
export const RECENT_MAX = 200;
/** The most dead letters one `sync.deadLetters` call may ask for. */
export const DEAD_LETTERS_MAX = 500;
