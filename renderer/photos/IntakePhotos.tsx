/**
 * A damaged parcel's photos of its packaging (issue 12, item 5): thumbnails of the photos the station keeps and,
 * on the bench card (`canTake`), "Take photo" up to PHOTOS_PER_INTAKE_MAX. The camera is opened through
 * renderer/scan/openCamera.ts; a missing or refused camera gets a plain message saying what to do. A frame is
 * taken as a JPEG and sent to the station in chunks (sendPhoto.ts). On the parcel page the same strip shows the
 * photos only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { PhotoView } from '../../shared/contract/photos.ts';
import { PHOTO_MAX_BYTES, PHOTOS_PER_INTAKE_MAX } from '../../shared/contract/photosLimits.ts';
import { openCamera } from '../scan/openCamera.ts';
import type { CameraErrorCode } from '../scan/cameraError.ts';
import { errorNotice } from '../intake/errorText.ts';
import { readPhoto, sendPhoto } from './sendPhoto.ts';
import './photos.css';

/** What to do when the camera cannot be used, in plain words. */
const CAMERA_HELP: Readonly<Record<CameraErrorCode, string>> = {
  NO_CAMERA_API: 'This window cannot use a camera. Write the damage in the note and tell a lead.',
  PERMISSION_DENIED: 'The camera is not allowed for this station. Ask a lead to allow the camera, then press Take photo again.',
  NO_CAMERA: 'No camera is connected. Plug in the camera, then press Take photo again.',
  CAMERA_IN_USE: 'The camera is busy in another program. Close it, then press Take photo again.',
  CAMERA_FAILED: 'The camera stopped working. Press Take photo again; if it keeps failing, tell a lead.',
  DECODER_FAILED: 'The camera stopped working. Press Take photo again; if it keeps failing, tell a lead.',
};

const FRAME_MAX_WIDTH = 1600;

async function frameAsJpeg(video: HTMLVideoElement): Promise<Uint8Array | null> {
  const scale = Math.min(1, FRAME_MAX_WIDTH / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.85, 0.6, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= PHOTO_MAX_BYTES) return new Uint8Array(await blob.arrayBuffer());
  }
  return null;
}

function Thumbnail(props: { client: StationClient; photo: PhotoView; n: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    let made: string | null = null;
    void readPhoto(props.client, props.photo).then((r) => {
      if (gone || !r.ok) return;
      made = URL.createObjectURL(r.data);
      setUrl(made);
    });
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [props.client, props.photo]);
  return (
    <figure className="photo-thumb" data-testid="photo-thumb">
      {url ? <img src={url} alt={`Damage photo ${props.n}`} /> : <div className="photo-thumb-loading">Loading…</div>}
      <figcaption>
        Photo {props.n} · {props.photo.uploadedAt === null ? 'not at HQ yet' : 'at HQ'}
      </figcaption>
    </figure>
  );
}

export function IntakePhotos(props: { client: StationClient; intakeId: string; canTake: boolean }) {
  const { client, intakeId } = props;
  const [photos, setPhotos] = useState<readonly PhotoView[]>([]);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off');
  const [message, setMessage] = useState<{ title: string; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);

  const reload = useCallback(async () => {
    const listed = await client.call('photos.list', { intakeId });
    if (listed.ok) setPhotos(listed.data);
  }, [client, intakeId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const stopCamera = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    setCamera('off');
  }, []);
  useEffect(() => stopCamera, [stopCamera]);

  useEffect(() => {
    const video = videoRef.current;
    if (camera !== 'starting' || !video) return undefined;
    let cancelled = false;
    void openCamera(video, undefined, () => cancelled).then((opened) => {
      if (cancelled) return;
      if (!opened.ok) {
        setMessage({ title: 'The camera cannot be used', detail: CAMERA_HELP[opened.error.code] });
        setCamera('off');
        return;
      }
      streamRef.current = opened.stream;
      setCamera('on');
    });
    return () => {
      cancelled = true;
    };
  }, [camera]);

  const take = async () => {
    const video = videoRef.current;
    if (!video || camera !== 'on') return;
    setBusy(true);
    const bytes = await frameAsJpeg(video);
    if (bytes === null) {
      setMessage({ title: 'The photo was not kept — take it again', detail: 'The camera gave no picture. Press Take photo again.' });
      setBusy(false);
      return;
    }
    const sent = await sendPhoto(client, intakeId, bytes, 'image/jpeg');
    setBusy(false);
    if (!sent.ok) {
      setMessage(errorNotice(sent.error));
      return;
    }
    setMessage(null);
    const listed = await client.call('photos.list', { intakeId });
    if (listed.ok) {
      setPhotos(listed.data);
      if (listed.data.length >= PHOTOS_PER_INTAKE_MAX) stopCamera();
    }
  };

  const room = PHOTOS_PER_INTAKE_MAX - photos.length;
  return (
    <div className="intake-photos" data-testid="intake-photos">
      {photos.length > 0 ? (
        <div className="photo-strip">
          {photos.map((p, i) => <Thumbnail key={p.photoId} client={client} photo={p} n={i + 1} />)}
        </div>
      ) : (
        <p className="photo-none">{props.canTake ? 'No photos yet: take up to 3 of the damaged packaging.' : 'No photos.'}</p>
      )}
      {props.canTake && camera !== 'off' && (
        <div className="photo-camera">
          <video ref={videoRef} data-testid="photo-viewfinder" aria-label="Camera for damage photos" muted playsInline />
          <div className="photo-camera-actions">
            <button type="button" className="primary" data-testid="photo-capture" disabled={busy || camera !== 'on' || room <= 0} onClick={() => void take()}>
              {busy ? 'Keeping the photo…' : `Take this photo (${room} left)`}
            </button>
            <button type="button" data-testid="photo-camera-close" onClick={stopCamera}>
              Close camera
            </button>
          </div>
        </div>
      )}
      {props.canTake && camera === 'off' && room > 0 && (
        <button
          type="button"
          data-testid="take-photo"
          onClick={() => {
            setMessage(null);
            setCamera('starting');
          }}
        >
          Take photo ({photos.length} of {PHOTOS_PER_INTAKE_MAX})
        </button>
      )}
      {props.canTake && room <= 0 && <p className="photo-full">All 3 photos taken.</p>}
      {message && (
        <p className="photo-message" role="alert" data-testid="photo-message">
          <strong>{message.title}</strong> {message.detail}
        </p>
      )}
    </div>
  );
}
