/**
 * One stored event of a parcel in plain words for its page (the event trail): what happened, with the weight's
 * source (scale reading, or typed with its reason), the price inputs of a verdict (the stored reprice) and the
 * document of a print event. Unknown event types are named as stored rather than hidden.
 */
import { formatMass, MASS_UNITS, type MassUnit } from '../../shared/units/mass.ts';
import { formatLength, LENGTH_UNITS, type LengthUnit } from '../../shared/units/length.ts';
import { formatMoney, isCurrency } from '../../shared/rules/money.ts';
import { PHOTO_KEEP_DAYS } from '../../shared/contract/photosLimits.ts';

type Payload = Readonly<Record<string, unknown>>;

const isMassUnit = (unit: string): unit is MassUnit => (MASS_UNITS as readonly string[]).includes(unit);
const isLengthUnit = (unit: string): unit is LengthUnit => (LENGTH_UNITS as readonly string[]).includes(unit);

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Payload | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : null);

function weightWords(mass: unknown, unit: unknown): string | null {
  const m = num(mass);
  const u = str(unit);
  if (m === null || u === null || !isMassUnit(u)) return null;
  return `${formatMass(m, u, 2)} ${u}`;
}

function sizeWords(dims: unknown, unit: unknown): string | null {
  const u = str(unit) ?? 'in';
  const sides = Array.isArray(dims) ? dims.map(num) : null;
  if (sides === null || sides.length !== 3 || sides.some((s) => s === null) || !isLengthUnit(u)) return null;
  return `${sides.map((s) => formatLength(s as number, u, 1)).join(' × ')} ${u}`;
}

function weightSource(p: Payload): string {
  if (p['source'] === 'manual') return `typed by hand (${str(p['reason']) ?? 'no reason given'})`;
  const device = str(p['device']);
  return `scale reading${device ? ` from ${device}` : ''}${p['automatic'] === true ? ', taken by itself' : ''}`;
}

function verdictWords(p: Payload): string {
  const verdict = obj(p['verdict']);
  const decision = str(verdict?.['decision']) ?? 'no verdict';
  const reasons = Array.isArray(verdict?.['reasons']) ? (verdict['reasons'] as unknown[]).map((r) => str(obj(r)?.['message'])).filter((r) => r !== null) : [];
  const reprice = obj(verdict?.['reprice']);
  const currency = str(reprice?.['currency']);
  let price = '';
  if (reprice && currency && isCurrency(currency)) {
    const minor = (key: string): string => formatMoney(num(reprice[key]) ?? 0, currency);
    const billable = num(reprice['billableMass']);
    price = ` Price ${minor('priceMinor')} against the estimate ${minor('estimateMinor')} (difference ${minor('deltaMinor')})` +
      `${billable === null ? '' : `, billable weight ${formatMass(billable, 'lb', 2)} lb`}, rate card ${str(reprice['rateCardId']) ?? '?'} ${str(reprice['rateCardVersion']) ?? ''}.`.trimEnd();
  }
  const cause = str(p['cause']);
  return `Verdict ${decision}${cause ? ` (${cause.replaceAll('-', ' ')})` : ''}.${reasons.length > 0 ? ` ${reasons.join(' ')}` : ''}${price}`;
}

export function trailWords(type: string, payload: unknown): string {
  const p = obj(payload) ?? {};
  const document = str(p['document']) ?? 'document';
  switch (type) {
    case 'INTAKE_SCANNED': return `Scanned ${str(p['tracking']) ?? str(p['raw']) ?? ''} (${str(p['source']) ?? 'scan'})${p['prealert'] === true ? ', matched to its pre-alert' : ', no pre-alert'}.`;
    case 'WEIGHT_CAPTURED': return `Weighed ${weightWords(p['mass'], p['unit']) ?? '?'}: ${weightSource(p)}.`;
    case 'DIMENSIONS_SET': return `Size ${sizeWords([p['length'], p['width'], p['height']], p['unit']) ?? '?'}.`;
    case 'DAMAGE_REPORTED': return p['damaged'] === true ? `Reported damaged${str(p['note']) ? `: ${str(p['note'])}` : ''}.` : 'Damage report taken back.';
    case 'VERDICT_COMMITTED': return verdictWords(p);
    case 'INTAKE_CORRECTED': return `Corrected by a lead: ${str(p['reason']) ?? ''}. ${verdictWords(p)}`;
    case 'PRINT_REQUESTED': return `Print of the ${document} asked for.`;
    case 'INTAKE_FINISHED': return 'Done.';
    case 'INTAKE_CANCELLED': return `Cancelled: ${str(p['reason']) ?? ''}.`;
    case 'HOLD_PLACED': return `Put on the hold shelf at ${str(p['location']) ?? '?'}.`;
    case 'HOLD_RELEASED': return `Released from the hold shelf (${str(p['cause'])?.replaceAll('_', ' ') ?? ''}).`;
    case 'HOLD_RETURNED': return `Hold turned into a return (${str(p['cause'])?.replaceAll('_', ' ') ?? ''}).`;
    case 'HOLD_REASONS_CHANGED': return 'The reasons for the hold changed.';
    case 'DOCUMENT_QUEUED': return `The ${document} was queued for printing${p['reason'] === 'reprint' ? ` again (reprint, copy ${num(p['copy']) ?? '?'})` : ''}${p['mark'] === 'VOID' ? ' as a VOID slip' : ''}.`;
    case 'DOCUMENT_PRINTED': return `The ${document} was printed.`;
    case 'DOCUMENT_PRINT_DELAYED': return `The ${document} waits for the printer.`;
    case 'DOCUMENT_PRINT_HANDOFF': return `The ${document} waits to be printed from the browser.`;
    case 'DOCUMENT_PRINT_FAILED': return `The ${document} could not be printed${str(p['message']) ? `: ${str(p['message'])}` : ''}.`;
    case 'DOCUMENT_NOT_PRINTED': return `The ${document} was not printed${str(p['message']) ? `: ${str(p['message'])}` : ''}.`;
    case 'DOCUMENT_VOIDED': return `The ${document} is VOID${str(p['reason']) ? `: ${str(p['reason'])}` : ''}.`;
    case 'PHOTO_TAKEN': return `Damage photo taken (kept ${PHOTO_KEEP_DAYS} days for a claim).`;
    default: return type.toLowerCase().replaceAll('_', ' ');
  }
}

/** The person an event names (a typed weight, a hold change, a correction), or null. */
export function trailOperator(payload: unknown): string | null {
  const p = obj(payload);
  return str(p?.['operator']) ?? str(p?.['by'] !== 'next-scan' ? p?.['by'] : null) ?? str(p?.['closedBy']);
}
