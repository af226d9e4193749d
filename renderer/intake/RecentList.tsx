import type { IntakeSummary } from '../../shared/contract/intakeView.ts';
import { formatMass } from '../../shared/units/mass.ts';

/** A parcel without a verdict, in words. */
const OPEN_WORDS: Readonly<Record<IntakeSummary['state'], string>> = {
  scanned: 'waiting for weight', weighed: 'waiting for size', decided: 'decided', printed: 'printed', ready: 'done', cancelled: 'cancelled',
};

export function RecentList(props: { recent: IntakeSummary[]; massUnit: 'lb' | 'kg' }) {
  return (
    <section className="recent" aria-label="Recent parcels">
      <h3>Recent parcels</h3>
      <table data-testid="recent">
        <tbody>
          {props.recent.map((r) => (
            <tr key={r.intakeId} data-intake={r.intakeId}>
              <td>{new Date(r.updatedAt).toLocaleTimeString()}</td>
              <td>{r.waybill ?? r.scan.tracking}</td>
              <td>{r.mass === null ? '' : `${formatMass(r.mass, props.massUnit, 2)} ${props.massUnit}`}</td>
              <td className={`decision-${r.verdict?.decision.toLowerCase() ?? 'none'}`}>{r.verdict?.decision ?? OPEN_WORDS[r.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
