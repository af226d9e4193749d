/**
 * Opens the camera into a <video> element: the one place the screen asks for camera access (the label scanner
 * and the damage photos both use it). A missing camera API, a refused permission, no camera or a camera in use come
 * back as a CameraScanError code the screen explains in plain words (cameraError.ts).
 */
import { cameraErrorFrom, type CameraScanError } from './cameraError.ts';

export type OpenedCamera = { readonly ok: true; readonly stream: MediaStream } | { readonly ok: false; readonly error: CameraScanError };

/** `isCancelled` is asked after each wait: a camera opened for a view that has gone is stopped at once. */
export async function openCamera(video: HTMLVideoElement, deviceId: string | undefined, isCancelled: () => boolean): Promise<OpenedCamera> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { ok: false, error: { code: 'NO_CAMERA_API', detail: 'navigator.mediaDevices.getUserMedia is not available' } };
  }
  let stream: MediaStream | undefined;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    if (isCancelled()) {
      for (const track of stream.getTracks()) track.stop();
      return { ok: false, error: { code: 'CAMERA_FAILED', detail: 'closed while opening' } };
    }
    video.srcObject = stream;
    await video.play();
    return { ok: true, stream };
  } catch (error: unknown) {
    for (const track of stream?.getTracks() ?? []) track.stop();
    return { ok: false, error: cameraErrorFrom(error) };
  }
}
