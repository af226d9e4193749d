/**
 * A programming or data error inside the pure rules (never a business outcome: those are verdict reasons).
 * Carries a code the caller can switch on; the message is for logs and support.
 */
export const RULES_ERROR_CODES = [
  /** decideVerdict was given a rule context loaded for another destination than the manifest's. */
  'CONTEXT_MISMATCH',
  /** A measured value the rules cannot use (negative, zero, out of range). */
  'INVALID_MEASUREMENT',
] as const;
export type RulesErrorCode = (typeof RULES_ERROR_CODES)[number];

export class RulesError extends Error {
  readonly code: RulesErrorCode;
  constructor(code: RulesErrorCode, message: string) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
  }
}
