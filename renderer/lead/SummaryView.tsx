/**
 * The lead's day summary: pick a day (today in the warehouse's zone by default), see the charts and the tables, and
 * download the same figures as CSV.
 */
import { useEffect, useMemo, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { DaySummary } from '../../shared/contract/summary.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import { summaryCsv, summaryCsvFileName } from '../../shared/summary/summaryCsv.ts';
import { errorNotice } from '../intake/errorText.ts';
import { BarChart } from './BarChart.tsx';
import { SummaryTables } from './SummaryTables.tsx';

const BRAND = ['--brand'];
const ASIDE = ['--aside'];
const VERDICT_COLOURS = ['--ok', '--hold', '--return', '--muted'];

function downloadCsv(summary: DaySummary): void {
  const url = URL.createObjectURL(new Blob([summaryCsv(summary)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = summaryCsvFileName(summary);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SummaryView({ client }: { client: StationClient }) {
  const [date, setDate] = useState<string | null>(null);
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);

  useEffect(() => {
    void client.call('summary.day', date === null ? {} : { date }).then((r) => {
      if (r.ok) {
        setSummary(r.data);
        setError(null);
      } else setError(r.error);
    });
  }, [client, date]);

  const hours = useMemo(() => ({ labels: summary?.hours.map((h) => h.label) ?? [], values: summary?.hours.map((h) => h.count) ?? [] }), [summary]);
  const verdicts = useMemo(() => {
    const v = summary?.verdicts;
    return { labels: ['Accepted', 'Held', 'Returned', 'Not decided'], values: v ? [v.ACCEPT, v.HOLD, v.RETURN, v.undecided] : [] };
  }, [summary]);
  const weights = useMemo(() => ({ labels: summary?.weights.map((w) => w.label) ?? [], values: summary?.weights.map((w) => w.count) ?? [] }), [summary]);
  const notice = error && errorNotice(error);

  return (
    <div className="lead-summary" data-testid="summary">
      <div className="lead-toolbar">
        <label>
          Day
          <input type="date" value={summary?.date ?? ''} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="summary-date" />
        </label>
        {summary && <span className="lead-zone">Times in {summary.warehouse} time ({summary.timeZone})</span>}
        <button type="button" disabled={!summary} onClick={() => summary && downloadCsv(summary)} data-testid="summary-csv">Download CSV</button>
      </div>
      {notice && (
        <div className="error" role="alert" data-testid="summary-error">
          <strong>{notice.title}</strong>
          <span>{notice.detail}</span>
        </div>
      )}
      {summary && (
        <>
          <p className="lead-headline" data-testid="summary-headline">
            {summary.parcels} parcels taken in · {summary.verdicts.ACCEPT} accepted · {summary.verdicts.HOLD} held · {summary.verdicts.RETURN} returned
          </p>
          <div className="lead-charts">
            <BarChart title="Parcels per hour" labels={hours.labels} values={hours.values} colourVars={BRAND} testId="chart-hours" />
            <BarChart title="Verdicts" labels={verdicts.labels} values={verdicts.values} colourVars={VERDICT_COLOURS} testId="chart-verdicts" />
            <BarChart title="Weights" labels={weights.labels} values={weights.values} colourVars={ASIDE} testId="chart-weights" horizontal />
          </div>
          <SummaryTables summary={summary} />
        </>
      )}
    </div>
  );
}
