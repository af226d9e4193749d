/**
 * A simulated scale's protocol side: takes the bytes a host wrote and answers with frames, as the device would.
 * Streaming protocols also produce a frame on every `stream` tick. Pure (the model carries the state).
 */
export interface ScaleResponder {
  /** Bytes the host wrote; returns the reply frames, in order. */
  receive(bytes: Uint8Array, now: number): Uint8Array[];
  /** For streaming protocols: the frame to send now; null for request/response protocols. */
  stream(now: number): Uint8Array | null;
}
