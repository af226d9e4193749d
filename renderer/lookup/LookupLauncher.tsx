/**
 * The way into parcel lookup: a top-bar button and its own key, F3 (a bare function key: a wedge scanner never
 * types one, so it never collides with a scan). While the page is open it holds the focus and is marked
 * `data-wedge-passthrough`, so a scan or typing there goes into the search box and never opens a parcel.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { WAREHOUSES, type Warehouse } from '../../shared/manifest/destinations.ts';
import { LookupPage } from './LookupPage.tsx';

export const LOOKUP_KEY = 'F3';

const warehouseOf = (name: string | null): Warehouse | null => WAREHOUSES.find((w) => w === name) ?? null;

/** `photoStrip` draws a parcel's damage photos on its page (renderer/photos/, when it exists). */
export function LookupLauncher(props: { client: StationClient; warehouse: string | null; photoStrip?: (intakeId: string) => ReactNode }) {
  const warehouse = warehouseOf(props.warehouse);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== LOOKUP_KEY || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      setOpen(true);
      document.getElementById('lookup-text')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="sync-now" onClick={() => setOpen(true)} data-testid="open-lookup">Find parcel <kbd>{LOOKUP_KEY}</kbd></button>
      {open && warehouse && <LookupPage client={props.client} warehouse={warehouse} onClose={close} {...(props.photoStrip ? { photoStrip: props.photoStrip } : {})} />}
    </>
  );
}
