import { useState, type FormEvent } from 'react';
import { SCAN_MAX_LENGTH } from '../../shared/contract/limits.ts';

/** The scan field: a wedge scanner types here (ending with Enter), or the worker types a number. */
export function ScanField(props: { onScan: (raw: string) => void; busy: boolean }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw = text.trim();
    if (raw.length === 0) return;
    setText('');
    props.onScan(raw);
  };
  return (
    <form className="scan" onSubmit={submit}>
      <label htmlFor="scan-input">Scan or type the label <kbd>F2</kbd></label>
      <input
        id="scan-input"
        data-testid="scan-input"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={SCAN_MAX_LENGTH}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Tracking number or ECMS waybill"
      />
      <button type="submit" disabled={props.busy || text.trim().length === 0}>Scan</button>
      {(props.busy || text.trim().length === 0) && (
        <span className="why" data-testid="why-scan">{props.busy ? 'Working…' : 'Scan anywhere, or type the number and press Enter.'}</span>
      )}
    </form>
  );
}
