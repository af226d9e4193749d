import type { ScaleDeviceStatus, ScaleReading } from '../../shared/scale/reading.ts';
import { formatMass } from '../../shared/units/mass.ts';

const STATUS_WORDS: Readonly<Record<ScaleReading['status'], string>> = {
  stable: 'Stable',
  motion: 'In motion',
  overload: 'OVER CAPACITY',
  underZero: 'Under zero — re-zero the scale',
  zero: 'Empty',
};

export function WeightDisplay(props: { reading: ScaleReading | null; device: ScaleDeviceStatus | null; unit: 'lb' | 'kg' }) {
  const { reading, device, unit } = props;
  const connected = device?.state === 'connected';
  return (
    <section className={`weight weight-${connected ? (reading?.status ?? 'none') : 'offline'}`} aria-label="Live weight">
      <div className="weight-value" data-testid="live-weight">
        {connected && reading ? `${formatMass(reading.value, unit, 2)} ${unit}` : '—'}
      </div>
      <div className="weight-status" data-testid="weight-status">
        {connected ? (reading ? STATUS_WORDS[reading.status] : 'Waiting for the scale…') : `Scale ${device?.state ?? 'unknown'}${device?.message ? `: ${device.message}` : ''}`}
      </div>
      <div className="weight-device" data-testid="scale-device">{device?.label ?? 'No scale'}</div>
    </section>
  );
}
