/**
 * The one list of personal data the logs must never carry, for the station, the Electron main process and HQ.
 * Consignee and shipper names, phones and addresses are masked (enough is left to tell two lines apart); ID numbers
 * are removed outright. Paths use pino's redaction syntax; a field is found at the top of a log line, one level
 * down (`{ intake: { consigneeName } }`) or two levels down (`{ intake: { manifest: { consigneeName } } }`).
 */

export const NAME_FIELDS = ['consigneeName', 'shipperName', 'recipientName', 'contactName'] as const;
export const PHONE_FIELDS = ['phone', 'consigneePhone', 'shipperPhone', 'phoneNumber', 'mobile'] as const;
export const ADDRESS_FIELDS = ['address', 'consigneeAddress', 'shipperAddress', 'street', 'addressLine1', 'addressLine2'] as const;
/** Never logged, not even masked. */
export const ID_NUMBER_FIELDS = ['idNumber', 'consigneeIdNumber', 'nationalId', 'passportNumber', 'customsId'] as const;

export const REMOVED = '[removed]';

type FieldKind = 'name' | 'phone' | 'address' | 'idNumber';

const KIND_OF_FIELD: ReadonlyMap<string, FieldKind> = new Map<string, FieldKind>([
  ...NAME_FIELDS.map((f) => [f, 'name'] as const),
  ...PHONE_FIELDS.map((f) => [f, 'phone'] as const),
  ...ADDRESS_FIELDS.map((f) => [f, 'address'] as const),
  ...ID_NUMBER_FIELDS.map((f) => [f, 'idNumber'] as const),
]);

/** "Wang Fang" → "W*** F***": the first letter of each word. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${[...word][0] ?? ''}***`)
    .join(' ');
}

/** "+1 (310) 555-0142" → "***42": only the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `***${digits.slice(-2)}`;
}

/** "1 Sample Way, Ontario, CA 91761, US" → "*** US": only the last part (the country, usually). */
export function maskAddress(address: string): string {
  const parts = address.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  return last === undefined ? '***' : `*** ${last}`;
}

/** What a personal field becomes in a log line. Non-string values are removed: they cannot be masked safely. */
export function maskField(field: string, value: unknown): unknown {
  const kind = KIND_OF_FIELD.get(field);
  if (kind === undefined || value === null || value === undefined) return value;
  if (kind === 'idNumber' || typeof value !== 'string') return REMOVED;
  if (kind === 'name') return maskName(value);
  if (kind === 'phone') return maskPhone(value);
  return maskAddress(value);
}

const FIELDS = [...KIND_OF_FIELD.keys()];

/** The redaction paths for pino's `redact.paths`. */
export const LOG_REDACT_PATHS: readonly string[] = FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

/** pino's `redact.censor`: masks by the last segment of the path. */
export function censorLogValue(value: unknown, path: readonly string[]): unknown {
  return maskField(path[path.length - 1] ?? '', value);
}
