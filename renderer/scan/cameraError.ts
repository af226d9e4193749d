/** Why the camera scanner cannot run, as a code the UI can explain. */
export const CAMERA_ERROR_CODES = ['NO_CAMERA_API', 'PERMISSION_DENIED', 'NO_CAMERA', 'CAMERA_IN_USE', 'CAMERA_FAILED', 'DECODER_FAILED'] as const;
export type CameraErrorCode = (typeof CAMERA_ERROR_CODES)[number];

export interface CameraScanError {
  readonly code: CameraErrorCode;
  /** The underlying error's message, for logs. */
  readonly detail: string;
}

export const CAMERA_ERROR_TEXT: Readonly<Record<CameraErrorCode, string>> = {
  NO_CAMERA_API: 'This window cannot use a camera.',
  PERMISSION_DENIED: 'Camera access was refused.',
  NO_CAMERA: 'No camera was found.',
  CAMERA_IN_USE: 'The camera is in use by another program or could not be started.',
  CAMERA_FAILED: 'The camera stopped working.',
  DECODER_FAILED: 'The barcode decoder failed; camera scanning stopped.',
};

/** Maps getUserMedia / play() failures (DOMException names) to a code. */
export function cameraErrorFrom(error: unknown): CameraScanError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { code: 'PERMISSION_DENIED', detail };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { code: 'NO_CAMERA', detail };
    case 'NotReadableError':
    case 'AbortError':
      return { code: 'CAMERA_IN_USE', detail };
    default:
      return { code: 'CAMERA_FAILED', detail };
  }
}
