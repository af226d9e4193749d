/** The verdict reason codes the lookup filters by, for the screen (the contract's view of shared/rules/reasonCodes.ts). */
export { REASON_CODES, type ReasonCode } from '../rules/reasonCodes.ts';
