/**
 * LabelImageDrop: drop a photo of a label here, or open one, to decode its barcode (when no scanner is at hand).
 * Calls onScan with the first barcode found (linear codes first), onFailure otherwise. The decoded text is handed
 * over unchanged: classify it with classifyScan.
 */
import { useRef, useState, type DragEvent } from 'react';
import { decodeLabelImage, type ImageDecodeFailure } from './decodeLabelImage.ts';
import type { LabelBarcodeFormat } from './labelBarcodeFormats.ts';

export interface ImageScan {
  readonly text: string;
  readonly source: 'image';
  readonly format: LabelBarcodeFormat;
  readonly fileName: string;
}

export interface LabelImageDropProps {
  readonly onScan: (scan: ImageScan) => void;
  readonly onFailure?: (failure: ImageDecodeFailure, fileName: string) => void;
  readonly className?: string;
}

const FAILURE_TEXT: Readonly<Record<ImageDecodeFailure, string>> = {
  NOT_AN_IMAGE: 'That file is not an image.',
  UNREADABLE_IMAGE: 'That image could not be opened.',
  NO_BARCODE_FOUND: 'No barcode was found in that photo. Try a sharper, closer photo.',
  DECODER_FAILED: 'The barcode decoder failed on that photo.',
};

export function LabelImageDrop({ onScan, onFailure, className }: LabelImageDropProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('Drop a photo of the label here, or open one.');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const handleFile = async (file: File) => {
    setBusy(true);
    setMessage(`Reading ${file.name}…`);
    try {
      const result = await decodeLabelImage(file);
      if (result.ok) {
        const [first] = result.barcodes;
        if (first) {
          setMessage(`Read a barcode from ${file.name}.`);
          onScan({ text: first.text, source: 'image', format: first.format, fileName: file.name });
        }
      } else {
        setMessage(FAILURE_TEXT[result.reason]);
        onFailure?.(result.reason, file.name);
      }
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void handleFile(file);
  };

  return (
    <div
      className={className}
      data-testid="label-image-drop"
      data-busy={busy}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{ border: `2px dashed ${dragging ? '#0a7' : '#888'}`, borderRadius: 6, padding: 12 }}
    >
      <p role="status" style={{ margin: '0 0 8px' }}>
        {message}
      </p>
      <button type="button" disabled={busy} onClick={() => inputRef.current?.click()}>
        Open photo…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        hidden
        data-testid="label-image-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void handleFile(file);
        }}
      />
    </div>
  );
}
