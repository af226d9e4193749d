/**
 * The hold shelf: every held parcel by age bucket (overdue first), with its shelf location and reasons; select holds
 * and release them or convert them to returns in one batch, with a note for the audit log.
 * Props in, callbacks out: the panel has no station access of its own.
 */
import { useMemo, useState } from 'react';
import type { HoldBucketGroup, HoldListing } from '../../shared/rules/holdAging.ts';
import { DESTINATION_NAMES } from '../../shared/manifest/destinations.ts';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH } from '../../shared/contract/limits.ts';
import { ageText, canSubmitBatch, pruneSelection, toggleBucket, toggleHold } from './holdSelection.ts';

export interface HoldShelfPanelProps {
  readonly groups: readonly HoldBucketGroup[];
  readonly busy?: boolean;
  /** A failed batch, in words, shown above the buttons. */
  readonly error?: string | null;
  readonly onRelease: (holdIds: string[], note: string) => void;
  readonly onConvertToReturn: (holdIds: string[], note: string) => void;
  /** Formats an instant for "held since" (default: the browser's locale). */
  readonly formatTime?: (ms: number) => string;
}

function HoldRow(props: { hold: HoldListing; selected: boolean; onToggle: () => void; formatTime: (ms: number) => string }) {
  const { hold } = props;
  return (
    <tr data-testid="hold-row" data-hold-id={hold.holdId} data-bucket={hold.bucket}>
      <td>
        <input type="checkbox" aria-label={`Select ${hold.waybill ?? hold.intakeId}`} checked={props.selected} onChange={props.onToggle} />
      </td>
      <td className="hold-location" data-testid="hold-location">{hold.location}</td>
      <td>{hold.waybill ?? <em>no manifest</em>}</td>
      <td>{hold.destination ? DESTINATION_NAMES[hold.destination] : '—'}</td>
      <td title={props.formatTime(hold.heldAt)}>{ageText(hold.ageDays)}</td>
      <td>
        <ul className="hold-reasons">
          {hold.reasons.map((r) => (
            <li key={`${r.code}-${r.message}`} data-code={r.code}>{r.message}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

export function HoldShelfPanel(props: HoldShelfPanelProps) {
  const { groups, busy = false } = props;
  const formatTime = props.formatTime ?? ((ms: number) => new Date(ms).toLocaleString());
  const [rawSelected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  // Holds released or returned elsewhere drop out of the selection.
  const selected = useMemo(() => pruneSelection(rawSelected, groups), [rawSelected, groups]);
  const total = groups.reduce((n, g) => n + g.holds.length, 0);
  const ready = canSubmitBatch(selected, note, busy);
  const submit = (action: (ids: string[], note: string) => void) => {
    if (!ready) return;
    action([...selected], note.trim());
    setSelected(new Set());
    setNote('');
  };

  return (
    <section className="hold-shelf" data-testid="hold-shelf" aria-busy={busy}>
      <header>
        <h2>Hold shelf</h2>
        <span className="tag" data-testid="hold-count">{total === 1 ? '1 parcel' : `${total} parcels`}</span>
      </header>
      {total === 0 && <p data-testid="hold-empty">Nothing on the hold shelf.</p>}
      {groups
        .filter((g) => g.holds.length > 0)
        .map((g) => {
          const allSelected = g.holds.every((h) => selected.has(h.holdId));
          return (
            <section key={g.bucket} className={`hold-bucket hold-bucket-${g.bucket}`} data-testid="hold-bucket" data-bucket={g.bucket}>
              <h3>
                <label>
                  <input type="checkbox" aria-label={`Select all: ${g.label}`} checked={allSelected} onChange={() => setSelected((s) => toggleBucket(pruneSelection(s, groups), g))} />{' '}
                  {g.label} <span className="tag">{g.holds.length}</span>
                </label>
              </h3>
              <table>
                <thead>
                  <tr>
                    <th />
                    <th>Shelf</th>
                    <th>Waybill</th>
                    <th>To</th>
                    <th>Held</th>
                    <th>Waiting for</th>
                  </tr>
                </thead>
                <tbody>
                  {g.holds.map((h) => (
                    <HoldRow key={h.holdId} hold={h} selected={selected.has(h.holdId)} formatTime={formatTime} onToggle={() => setSelected((s) => toggleHold(pruneSelection(s, groups), h.holdId))} />
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      {total > 0 && (
        <form className="hold-actions" onSubmit={(e) => e.preventDefault()}>
          <label>
            Note for the audit log{' '}
            <input
              data-testid="hold-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={`Why? (at least ${NOTE_MIN_LENGTH} characters)`}
              minLength={NOTE_MIN_LENGTH}
              maxLength={NOTE_MAX_LENGTH}
            />
          </label>
          {props.error && <p className="error" role="alert" data-testid="hold-error">{props.error}</p>}
          <button type="button" data-testid="hold-release" disabled={!ready} onClick={() => submit(props.onRelease)}>
            Release {selected.size > 0 ? selected.size : ''} selected
          </button>
          <button type="button" data-testid="hold-return" disabled={!ready} onClick={() => submit(props.onConvertToReturn)}>
            Return {selected.size > 0 ? selected.size : ''} selected to sender
          </button>
        </form>
      )}
    </section>
  );
}
