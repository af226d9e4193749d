/**
 * Speaks one protocol over one open link: feeds every chunk to the protocol's parser, polls request/response
 * protocols (next request once the reply arrived or timed out, at most one per poll interval), and drops partial
 * frames when a reply or the stream goes quiet for the reply timeout. Reports parse events; knows nothing of
 * reconnection (serialScaleConnection.ts does that).
 */
import {
  createSerialScaleParser,
  serialProtocolProfile,
  type SerialProtocolConfig,
  type SerialProtocolProfile,
} from '../../../shared/scale/serialProtocolConfig.ts';
import type { ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import type { SerialLink } from './serialLink.ts';

export interface SerialScaleSessionOptions {
  readonly link: SerialLink;
  readonly protocol: SerialProtocolConfig;
  /** Overrides of the protocol's poll interval / reply timeout (tests, fast demo). */
  readonly timing?: Partial<Pick<SerialProtocolProfile, 'pollIntervalMs' | 'replyTimeoutMs'>>;
  readonly onEvents: (events: readonly ScaleParseEvent[]) => void;
}

export interface SerialScaleSession {
  stop(): void;
}

export function startSerialScaleSession(options: SerialScaleSessionOptions): SerialScaleSession {
  const base = serialProtocolProfile(options.protocol.protocol);
  const profile = { ...base, ...options.timing };
  const parser = createSerialScaleParser(options.protocol);
  let stopped = false;
  let awaitingSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;

  const schedule = (delayMs: number, action: () => void) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(action, Math.max(0, delayMs));
  };

  function request(): void {
    if (stopped || profile.request === null) return;
    awaitingSince = Date.now();
    options.link.write(profile.request);
    schedule(profile.replyTimeoutMs, replyTimedOut);
  }

  function replyTimedOut(): void {
    const events = parser.flush();
    if (events.length > 0) options.onEvents(events);
    if (profile.request === null) schedule(profile.replyTimeoutMs, replyTimedOut);
    else request();
  }

  options.link.onData((chunk, at) => {
    if (stopped) return;
    const events = parser.push(chunk, at);
    if (events.length > 0) options.onEvents(events);
    const answered = events.some((e) => e.type !== 'rejected');
    if (profile.request === null) {
      // Streaming: re-arm the silence watchdog on any byte.
      schedule(profile.replyTimeoutMs, replyTimedOut);
    } else if (answered && awaitingSince !== null) {
      const next = awaitingSince + profile.pollIntervalMs - Date.now();
      awaitingSince = null;
      schedule(next, request);
    }
  });

  if (profile.request === null) schedule(profile.replyTimeoutMs, replyTimedOut);
  else request();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
