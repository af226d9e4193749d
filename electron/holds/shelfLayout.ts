/**
 * Shelf locations for held parcels: bays × slots, named "H-02-07" (bay 2, slot 7). A new hold gets the first free slot
 * in bay-then-slot order; when every slot is taken it goes to the overflow area ("H-OVF-001", …) — a parcel is never
 * refused a place because the shelf is full.
 */
import { z } from 'zod';

export const ShelfLayoutSchema = z.object({
  prefix: z.string().regex(/^[A-Z]{1,4}$/),
  bays: z.number().int().min(1).max(99),
  slotsPerBay: z.number().int().min(1).max(99),
});
export type ShelfLayout = z.infer<typeof ShelfLayoutSchema>;

export const DEFAULT_SHELF_LAYOUT: ShelfLayout = { prefix: 'H', bays: 6, slotsPerBay: 20 };

const two = (n: number) => String(n).padStart(2, '0');

export function* shelfSlots(layout: ShelfLayout): Generator<string> {
  for (let bay = 1; bay <= layout.bays; bay++) {
    for (let slot = 1; slot <= layout.slotsPerBay; slot++) yield `${layout.prefix}-${two(bay)}-${two(slot)}`;
  }
}

export function overflowSlot(layout: ShelfLayout, n: number): string {
  return `${layout.prefix}-OVF-${String(n).padStart(3, '0')}`;
}

/** The first location not in `occupied`. */
export function firstFreeLocation(layout: ShelfLayout, occupied: ReadonlySet<string>): string {
  for (const slot of shelfSlots(layout)) if (!occupied.has(slot)) return slot;
  for (let n = 1; ; n++) {
    const slot = overflowSlot(layout, n);
    if (!occupied.has(slot)) return slot;
  }
}
