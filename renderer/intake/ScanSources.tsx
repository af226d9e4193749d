/**
 * Every way a label reaches the station besides typing: a keyboard-wedge scanner (listened for wherever the focus
 * is), the camera, and a photo of the label. All of them end in the same onScan as the scan field.
 */
import { lazy, Suspense, useState } from 'react';
import { useWedgeScanner } from '../scan/useWedgeScanner.ts';
import type { WedgeConfig } from '../../shared/scan/wedgeDetector.ts';

// The decoders (@zxing/library) load only when a camera or photo scan is first used: the intake screen starts fast.
const CameraScanner = lazy(async () => ({ default: (await import('../scan/CameraScanner.tsx')).CameraScanner }));
const LabelImageDrop = lazy(async () => ({ default: (await import('../scan/LabelImageDrop.tsx')).LabelImageDrop }));
import { CAMERA_ERROR_TEXT } from '../scan/cameraError.ts';
import type { SCAN_SOURCES } from '../../shared/contract/intakeView.ts';

export type ScanSource = (typeof SCAN_SOURCES)[number];

export function ScanSources(props: { wedge: WedgeConfig | null; onScan: (raw: string, source: ScanSource) => void; onProblem: (text: string) => void }) {
  const [camera, setCamera] = useState(false);
  useWedgeScanner((scan) => props.onScan(scan.text, 'wedge'), props.wedge ?? {});
  return (
    <section className="scan-sources" aria-label="Other scan sources">
      <button type="button" data-testid="camera-toggle" onClick={() => setCamera((on) => !on)}>
        {camera ? 'Stop camera' : 'Scan with camera'}
      </button>
      <Suspense fallback={<p>Loading the label decoder…</p>}>
        {camera && (
          <CameraScanner
            onScan={(scan) => props.onScan(scan.text, 'camera')}
            onError={(error) => props.onProblem(`Camera: ${CAMERA_ERROR_TEXT[error.code]}`)}
          />
        )}
        <LabelImageDrop onScan={(scan) => props.onScan(scan.text, 'image')} onFailure={(failure, fileName) => props.onProblem(`${fileName}: ${failure}`)} />
      </Suspense>
    </section>
  );
}
