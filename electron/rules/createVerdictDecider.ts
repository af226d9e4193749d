/**
 * The station core's VerdictDecider (electron/station/stationPorts.ts) backed by the rules engine: loads the rule
 * context for the manifest's destination from the station database, then runs the pure decideVerdict().
 * A rule-context failure (corrupt or missing reference data) is thrown as a RuleContextFailure carrying its typed
 * code; the station core maps it to its RULE_REJECTED error for the worker. A clock the station cannot trust for
 * dates (far from HQ's time, or before every rate card starts) stops the verdict with a ClockSkewFailure, mapped to
 * CLOCK_SKEW: a wrong date would pick the wrong rate card or none ("destination not served").
 */
import type { Database } from 'better-sqlite3';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { decideVerdict } from '../../shared/rules/decideVerdict.ts';
import type { DisplayUnits } from '../../shared/rules/reasonText.ts';
import type { RuleContextError, RuleContextErrorCode } from '../../shared/rules/ruleContext.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import type { ClockWarning } from '../../shared/rules/stationTime.ts';
import type { WeightTolerance } from '../../shared/rules/weightTolerance.ts';
import type { VerdictRequest } from '../station/stationPorts.ts';
import { loadRuleContext } from './loadRuleContext.ts';

export class RuleContextFailure extends Error {
  readonly code: RuleContextErrorCode;
  readonly docId: string | undefined;
  constructor(error: RuleContextError) {
    super(error.message);
    this.name = 'RuleContextFailure';
    this.code = error.code;
    this.docId = error.docId;
  }
}

export class ClockSkewFailure extends Error {
  readonly problem: ClockWarning['problem'];
  constructor(warning: ClockWarning) {
    super(warning.message);
    this.name = 'ClockSkewFailure';
    this.problem = warning.problem;
  }
}

export interface VerdictDeciderOptions {
  readonly db: Database;
  /** Read on every verdict, so a settings change applies to the next parcel. */
  readonly warehouse: () => Warehouse;
  readonly display?: () => DisplayUnits;
  readonly weightTolerance?: WeightTolerance;
  /** The station clock's verdict blocker (electron/holds/stationClock.ts); absent: the clock is not checked. */
  readonly clockBlocker?: () => ClockWarning | null;
}

export function createVerdictDecider(options: VerdictDeciderOptions): (request: VerdictRequest) => Verdict {
  return (request) => {
    const blocker = options.clockBlocker?.() ?? null;
    if (blocker) throw new ClockSkewFailure(blocker);
    const loaded = loadRuleContext(options.db, request.manifest?.destination ?? null, request.now, {
      warehouse: options.warehouse(),
      ...(options.weightTolerance ? { weightTolerance: options.weightTolerance } : {}),
    });
    if (!loaded.ok) throw new RuleContextFailure(loaded.error);
    const display = options.display?.();
    return decideVerdict({
      manifest: request.manifest,
      measuredMass: request.mass,
      dims: request.dims,
      damaged: request.damaged,
      context: loaded.context,
      ...(display ? { display } : {}),
    });
  };
}
