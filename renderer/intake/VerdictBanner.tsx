/**
 * The verdict, filling the card: icon and word in the verdict's own colour (accept, set aside, hold, return), what to
 * do now, the hold's shelf slot as large as the word, the reasons in plain words and the price.
 */
import type { Verdict } from '../../shared/rules/verdict.ts';
import { formatMoney } from '../../shared/rules/money.ts';
import { presentVerdict } from './verdictLook.ts';

export function VerdictBanner(props: { verdict: Verdict; holdLocation: string | null }) {
  const { verdict } = props;
  const shown = presentVerdict(verdict);
  return (
    <section className={`verdict verdict-${shown.look}`} data-testid="verdict" data-decision={verdict.decision} data-look={shown.look} aria-live="polite">
      <div className="verdict-main">
        <span className="verdict-icon" aria-hidden="true">{shown.icon}</span>
        <h2 className="verdict-word" data-testid="verdict-decision">{shown.word}</h2>
        {props.holdLocation && (
          <p className="hold-location" data-testid="verdict-hold-location">
            <span className="hold-label">Shelf</span> <strong>{props.holdLocation}</strong>
          </p>
        )}
      </div>
      <p className="verdict-instruction" data-testid="verdict-instruction">{shown.instruction}</p>
      {verdict.reasons.length > 0 && (
        <ul className="verdict-reasons" data-testid="verdict-reasons">
          {verdict.reasons.map((r) => (
            <li key={`${r.code}-${r.message}`} data-code={r.code}>{r.message}</li>
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
