import { useState } from 'react';

/** Demo only: put a parcel of a chosen weight on the simulated scale, or take it off. */
export function SimulatedScaleControls(props: { onPlace: (value: string, unit: 'lb' | 'kg') => void; onRemove: () => void; unit: 'lb' | 'kg' }) {
  const [value, setValue] = useState('3.20');
  return (
    <section className="sim-scale" aria-label="Simulated scale">
      <h3>Simulated scale</h3>
      <input data-testid="sim-weight" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      <span>{props.unit}</span>
      <button type="button" data-testid="sim-place" onClick={() => props.onPlace(value.trim(), props.unit)}>Put parcel on scale</button>
      <button type="button" data-testid="sim-remove" onClick={props.onRemove}>Take it off</button>
    </section>
  );
}
