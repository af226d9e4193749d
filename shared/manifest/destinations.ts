export const DESTINATIONS = ['CN', 'HK', 'KR', 'JP', 'TW', 'SG', 'TH', 'PH', 'MY'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const DESTINATION_NAMES: Readonly<Record<Destination, string>> = {
  CN: 'China',
  HK: 'Hong Kong',
  KR: 'Korea',
  JP: 'Japan',
  TW: 'Taiwan',
  SG: 'Singapore',
  TH: 'Thailand',
  PH: 'Philippines',
  MY: 'Malaysia',
};

/** Destinations whose customs require a consignee ID (CN resident ID, KR PCCC, TW national ID / EZ WAY). */
export const ID_REQUIRED_COUNTRIES = ['CN', 'KR', 'TW'] as const satisfies readonly Destination[];
export const ID_REQUIRED_DESTINATIONS: ReadonlySet<string> = new Set(ID_REQUIRED_COUNTRIES);

export const WAREHOUSES = ['LAX', 'CHI'] as const;
export type Warehouse = (typeof WAREHOUSES)[number];
