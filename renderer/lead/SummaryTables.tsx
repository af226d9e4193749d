/**
 * The day summary's numbers as tables: every figure a chart draws, and the ones no chart draws (repricing,
 * operators, hold ages).
 */
import type { DaySummary } from '../../shared/contract/summary.ts';
import { formatMoney } from '../../shared/rules/money.ts';
import { DESTINATION_NAMES, type Destination } from '../../shared/manifest/destinations.ts';

function Table(props: { title: string; testId: string; head: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number>>; empty: string; wide?: boolean }) {
  return (
    <section className={props.wide ? 'lead-table lead-table-wide' : 'lead-table'} data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.rows.length === 0 ? (
        <p className="lead-empty">{props.empty}</p>
      ) : (
        <table>
          <thead><tr>{props.head.map((h) => <th key={h}>{h}</th>)}</tr></thead>
          <tbody>
            {props.rows.map((row, i) => (
              <tr key={i}>{row.map((cell, j) => <td key={j} className={typeof cell === 'number' ? 'num' : ''}>{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const destinationName = (d: string): string => (d in DESTINATION_NAMES ? DESTINATION_NAMES[d as Destination] : d);

export function SummaryTables({ summary }: { summary: DaySummary }) {
  const v = summary.verdicts;
  return (
    <div className="lead-tables">
      <Table title="Totals" testId="summary-totals" head={['', 'parcels']} empty="" rows={[
        ['Taken in', summary.parcels], ['Accepted', v.ACCEPT], ['… of them set aside for inspection', v.setAside], ['Held', v.HOLD],
        ['Returned', v.RETURN], ['Not decided yet', v.undecided], ['Weight typed by hand', summary.typedWeights],
        ['Reported damaged', summary.damaged], ['Cancelled (not counted)', summary.cancelled],
      ]} />
      <Table title="Parcels per hour" testId="summary-hours-table" head={['hour', 'parcels']} empty="No parcels this day."
        rows={summary.hours.filter((h) => h.count > 0).map((h) => [h.label, h.count])} />
      <Table title="Repricing (measured price minus pre-alert estimate)" testId="summary-repricing" head={['destination', 'parcels', 'total']}
        empty="No repriced parcels this day."
        rows={summary.repricing.map((r) => [destinationName(r.destination), r.parcels, formatMoney(r.deltaMinor, r.currency)])} />
      <Table wide title="By operator" testId="summary-operators" head={['operator', 'parcels', 'accepted', 'held', 'returned', 'typed weights']}
        empty="No parcels this day." rows={summary.operators.map((o) => [o.operator, o.parcels, o.ACCEPT, o.HOLD, o.RETURN, o.typedWeights])} />
      <Table title="Returns by reason" testId="summary-returns" head={['reason', 'parcels']} empty="No returns this day."
        rows={summary.returnsByReason.map((r) => [r.code, r.count])} />
      <Table title={`Hold shelf now (${summary.openHolds === 1 ? '1 parcel' : `${summary.openHolds} parcels`}) by reason`} testId="summary-holds-reason" head={['reason', 'parcels']}
        empty="The hold shelf is empty." rows={summary.holdsByReason.map((r) => [r.code, r.count])} />
      <Table title="Hold shelf now by age" testId="summary-holds-age" head={['age', 'parcels']} empty=""
        rows={summary.holdsByAge.map((b) => [b.label, b.count])} />
      <Table title="Weights" testId="summary-weights" head={['weight', 'parcels']} empty="" rows={summary.weights.map((w) => [w.label, w.count])} />
    </div>
  );
}
