/**
 * The intake workflow, as stored: scanned → weighed → decided → printed → ready, or cancelled. "idle" is the
 * station with no open intake; it is never stored.
 */
export const INTAKE_STATES = ['scanned', 'weighed', 'decided', 'printed', 'ready', 'cancelled'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];
export type StationIntakeState = IntakeState | 'idle';

export const TERMINAL_STATES: ReadonlySet<StationIntakeState> = new Set(['idle', 'ready', 'cancelled']);
