/** Small constructors for recogniser outcomes, so every recogniser builds results the same way. */
import type { Carrier, Certainty, Recognised, ScanFormat, ScanKind, ScanReason } from '../scanClassification.ts';

export interface Identity {
  readonly kind: ScanKind;
  readonly format: ScanFormat;
  readonly carrier: Carrier | null;
}

export function accepted(id: Identity, tracking: string, certainty: Certainty, alternatives: readonly string[] = []): Recognised {
  return { ...id, tracking, valid: true, certainty, alternatives: [...alternatives] };
}

export function rejected(id: Identity, tracking: string, reason: ScanReason, certainty: Certainty = 'certain'): Recognised {
  return { ...id, tracking, valid: false, reason, certainty, alternatives: [] };
}
