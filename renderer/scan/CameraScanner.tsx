/**
 * CameraScanner: live camera scanning with a visible viewfinder (the video plus an aiming frame).
 * Frames are grabbed every `scanIntervalMs`, converted to grey and decoded with @zxing/library restricted to label
 * symbologies, GS1-aware (see zxingLabelDecoder.ts). Each label yields one `onScan` while it stays in view.
 * The decoded text is handed over unchanged (e.g. "]C1420…<GS>94…"): classify it with classifyScan.
 */
import { useEffect, useRef, useState } from 'react';
import { CAMERA_ERROR_TEXT, type CameraScanError } from './cameraError.ts';
import { openCamera } from './openCamera.ts';
import type { LabelBarcodeFormat } from './labelBarcodeFormats.ts';
import { rgbaToGrey } from './luminance.ts';
import { createRepeatFilter } from './repeatFilter.ts';
import { createLabelDecoder } from './zxingLabelDecoder.ts';

export interface CameraScan {
  readonly text: string;
  readonly source: 'camera';
  readonly format: LabelBarcodeFormat;
}

export interface CameraScannerProps {
  readonly onScan: (scan: CameraScan) => void;
  readonly onError?: (error: CameraScanError) => void;
  /** Default true; false releases the camera. */
  readonly active?: boolean;
  /** A specific camera (MediaDeviceInfo.deviceId); default: the rear / first camera. */
  readonly deviceId?: string;
  /** Time between decode attempts; default 120 ms. */
  readonly scanIntervalMs?: number;
  /** The same text is reported again only after this long out of view; default 2500 ms. */
  readonly repeatSuppressMs?: number;
  /** Frames wider than this are scaled down before decoding; default 1280. */
  readonly maxDecodeWidth?: number;
  readonly className?: string;
}

type CameraStatus = { readonly phase: 'starting' | 'scanning' | 'stopped' } | { readonly phase: 'error'; readonly error: CameraScanError };

function statusText(status: CameraStatus): string {
  switch (status.phase) {
    case 'starting':
      return 'Starting camera…';
    case 'scanning':
      return 'Hold the barcode inside the frame.';
    case 'stopped':
      return 'Camera off.';
    case 'error':
      return CAMERA_ERROR_TEXT[status.error.code];
  }
}

export function CameraScanner(props: CameraScannerProps) {
  const { active = true, deviceId, scanIntervalMs = 120, repeatSuppressMs = 2500, maxDecodeWidth = 1280, className } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const onScanRef = useRef(props.onScan);
  const onErrorRef = useRef(props.onError);
  useEffect(() => {
    onScanRef.current = props.onScan;
    onErrorRef.current = props.onError;
  });
  const [status, setStatus] = useState<CameraStatus>({ phase: active ? 'starting' : 'stopped' });

  useEffect(() => {
    const video = videoRef.current;
    if (!active || !video) {
      setStatus({ phase: 'stopped' });
      return undefined;
    }
    let cancelled = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const decoder = createLabelDecoder();
    const repeats = createRepeatFilter(repeatSuppressMs);
    const canvas = document.createElement('canvas');
    const fail = (error: CameraScanError) => {
      if (cancelled) return;
      setStatus({ phase: 'error', error });
      onErrorRef.current?.(error);
    };

    const step = () => {
      if (cancelled) return;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        try {
          const scale = Math.min(1, maxDecodeWidth / video.videoWidth);
          const width = Math.round(video.videoWidth * scale);
          const height = Math.round(video.videoHeight * scale);
          if (canvas.width !== width) canvas.width = width;
          if (canvas.height !== height) canvas.height = height;
          const ctx = canvas.getContext('2d', { willReadFrequently: true });
          if (!ctx) throw new Error('2D canvas context unavailable');
          ctx.drawImage(video, 0, 0, width, height);
          const found = decoder.decode(rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height));
          if (found && repeats.accept(found.text, performance.now())) onScanRef.current({ text: found.text, source: 'camera', format: found.format });
        } catch (error: unknown) {
          fail({ code: 'DECODER_FAILED', detail: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      timer = setTimeout(step, scanIntervalMs);
    };

    const start = async () => {
      setStatus({ phase: 'starting' });
      const opened = await openCamera(video, deviceId, () => cancelled);
      if (!opened.ok) {
        fail(opened.error);
        return;
      }
      stream = opened.stream;
      if (cancelled) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      setStatus({ phase: 'scanning' });
      step();
    };
    void start();

    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      video.srcObject = null;
    };
  }, [active, deviceId, scanIntervalMs, repeatSuppressMs, maxDecodeWidth]);

  return (
    <div className={className} data-testid="camera-scanner" data-status={status.phase} style={{ position: 'relative', display: 'inline-block', maxWidth: '100%' }}>
      <video
        ref={videoRef}
        data-testid="camera-viewfinder"
        aria-label="Camera viewfinder"
        muted
        playsInline
        style={{ display: 'block', width: '100%', minWidth: 320, aspectRatio: '4 / 3', background: '#111', objectFit: 'cover' }}
      />
      <div aria-hidden="true" style={{ position: 'absolute', inset: '25% 8%', border: '3px solid rgba(0, 220, 90, 0.9)', borderRadius: 6, pointerEvents: 'none' }} />
      <p role="status" data-testid="camera-status" style={{ margin: '4px 0 0' }}>
        {statusText(status)}
      </p>
    </div>
  );
}
