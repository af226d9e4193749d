import type { ScaleDeviceStatus, ScaleReading } from '../../shared/scale/reading.ts';
import { formatMass } from '../../shared/units/mass.ts';
import type { ScaleIndication } from '../../shared/scale/scaleIndication.ts';

const CONDITION_WORDS: Readonly<Record<ScaleIndication['condition'], string>> = {
  motion: 'In motion',
  overload: 'OVER CAPACITY — take the parcel off',
  underZero: 'Under zero — re-zero the scale',
  notReady: 'Scale not ready — zero it',
  fault: 'Scale fault — call a supervisor',
};

const STATUS_WORDS: Readonly<Record<ScaleReading['status'], string>> = {
  stable: 'Stable',
  motion: 'In motion',
  overload: 'OVER CAPACITY',
  underZero: 'Under zero — re-zero the scale',
  zero: 'Empty',
};

export function WeightDisplay(props: { reading: ScaleReading | null; indication: ScaleIndication | null; device: ScaleDeviceStatus | null; unit: 'lb' | 'kg' }) {
  const { reading, indication, device, unit } = props;
  const connected = device?.state === 'connected';
  return (
    <section className={`weight weight-${connected ? (indication?.condition ?? reading?.status ?? 'none') : 'offline'}`} aria-label="Live weight">
      <div className="weight-value" data-testid="live-weight">
        {connected && reading && !indication ? `${formatMass(reading.value, unit, 2)} ${unit}` : '—'}
      </div>
      <div className="weight-status" data-testid="weight-status">
        {!connected
          ? `Scale ${device?.state ?? 'unknown'}${device?.message ? `: ${device.message}` : ''}`
          : indication
            ? CONDITION_WORDS[indication.condition]
            : reading
              ? STATUS_WORDS[reading.status]
              : 'Waiting for the scale…'}
      </div>
      <div className="weight-device" data-testid="scale-device">{device?.label ?? 'No scale'}</div>
    </section>
  );
}
