import { decisionHeading, type Verdict } from '../../shared/rules/verdict.ts';
import { formatMoney } from '../../shared/rules/money.ts';

export function VerdictBanner(props: { verdict: Verdict; holdLocation: string | null }) {
  const { verdict } = props;
  return (
    <section className={`verdict verdict-${verdict.decision.toLowerCase()}`} data-testid="verdict" aria-live="polite">
      <h2 data-testid="verdict-decision">{decisionHeading(verdict.decision)}</h2>
      {props.holdLocation && <p className="hold-location" data-testid="verdict-hold-location">Shelf <strong>{props.holdLocation}</strong></p>}
      {verdict.reasons.length > 0 && (
        <ul data-testid="verdict-reasons">
          {verdict.reasons.map((r) => (
            <li key={`${r.code}-${r.message}`} data-code={r.code}>
              <strong>{r.code.replaceAll('_', ' ')}</strong> {r.message}
            </li>
          ))}
        </ul>
      )}
      {verdict.reprice && (
        <p className="reprice" data-testid="reprice">
          Price {formatMoney(verdict.reprice.priceMinor, verdict.reprice.currency)} (estimate {formatMoney(verdict.reprice.estimateMinor, verdict.reprice.currency)},{' '}
          {verdict.reprice.deltaMinor >= 0 ? '+' : '−'}
          {formatMoney(Math.abs(verdict.reprice.deltaMinor), verdict.reprice.currency)})
        </p>
      )}
    </section>
  );
}
