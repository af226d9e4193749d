/**
 * What a parcel's documents are made from, as one hash: the verdict, the weight, the size, the damage flag and the
 * waybill. A document whose basis differs from the parcel's now no longer matches it and is void.
 */
import { createHash } from 'node:crypto';
import type { IntakeView } from '../../shared/contract/intakeView.ts';

export function documentBasis(intake: IntakeView): string {
  const facts = [
    intake.verdict, intake.weight === null ? null : [intake.weight.mass, intake.weight.unit], intake.dims, intake.damaged, intake.manifest?.waybill ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}
