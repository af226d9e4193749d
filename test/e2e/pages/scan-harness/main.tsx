/**
 * E2E harness page for the renderer's scan inputs, until the intake screen mounts them: the real useWedgeScanner
 * hook, CameraScanner and LabelImageDrop, with an unrelated React-controlled field, a textarea and a button to
 * type into, and a log of every scan with its classification. Nothing here is a test double: every scan goes
 * through the production code in renderer/scan and shared/barcode.
 * Query: ?camera=1 mounts the camera scanner.
 */
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { classifyScan } from '../../../../shared/barcode/classifyScan.ts';
import { CameraScanner } from '../../../../renderer/scan/CameraScanner.tsx';
import { LabelImageDrop } from '../../../../renderer/scan/LabelImageDrop.tsx';
import { useWedgeScanner } from '../../../../renderer/scan/useWedgeScanner.ts';

interface LoggedScan {
  readonly source: string;
  readonly text: string;
  readonly kind: string;
  readonly valid: boolean;
  readonly tracking: string;
}

function Harness() {
  const [scans, setScans] = useState<LoggedScan[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [clicks, setClicks] = useState(0);
  const camera = new URLSearchParams(location.search).has('camera');

  const log = useCallback((source: string, text: string) => {
    const c = classifyScan(text);
    setScans((list) => [...list, { source, text, kind: c.kind, valid: c.valid, tracking: c.tracking }]);
  }, []);

  useWedgeScanner((scan) => log(scan.source, scan.text));

  return (
    <main>
      <label>
        Notes (an unrelated field) <input data-testid="notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <output data-testid="notes-state">{notes}</output>
      <textarea data-testid="remarks" />
      <label data-wedge-passthrough="">
        Manual entry (opted out of scan detection) <input data-testid="passthrough" />
      </label>
      <button type="button" data-testid="some-button" onClick={() => setClicks((n) => n + 1)}>
        Some button
      </button>
      <output data-testid="button-clicks">{clicks}</output>
      <ol data-testid="scan-log">
        {scans.map((s, i) => (
          <li key={i} data-testid="scan-entry" data-source={s.source} data-kind={s.kind} data-valid={String(s.valid)} data-tracking={s.tracking}>
            {JSON.stringify(s)}
          </li>
        ))}
      </ol>
      <ul data-testid="errors">
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
      {camera && <CameraScanner onScan={(s) => log(s.source, s.text)} onError={(e) => setErrors((l) => [...l, `${e.code}: ${e.detail}`])} />}
      <LabelImageDrop onScan={(s) => log(s.source, s.text)} onFailure={(f, name) => setErrors((l) => [...l, `${f}: ${name}`])} />
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Harness />);
