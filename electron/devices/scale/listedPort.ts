/** A serial port as listed by the OS (or by a simulator registry), with USB ids normalised to lower-case hex. */
export interface ListedPort {
  readonly path: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  /** Stable OS name where there is one (Linux /dev/serial/by-id name, Windows PNP id). */
  readonly pnpId?: string;
  /** Where the entry came from. */
  readonly source: 'os' | 'simulator';
}

export type PortLister = () => Promise<readonly ListedPort[]>;

/** "0x1A86" / "1A86" / "1a86" → "1a86"; undefined for anything that is not 1–4 hex digits. */
export function normaliseUsbId(id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined;
  const text = typeof id === 'number' ? id.toString(16) : id.trim().replace(/^0x/i, '');
  return /^[0-9a-f]{1,4}$/i.test(text) ? text.toLowerCase().padStart(4, '0') : undefined;
}
