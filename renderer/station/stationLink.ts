/**
 * The screen's link to the station: still opening, open, lost (the station stopped or restarts; the client keeps
 * trying), or impossible because the page was opened without its token.
 */
export type StationLink = 'connecting' | 'connected' | 'lost' | 'noToken';

/** A call the station could not take because it was unreachable, for the screen to say so. */
export interface RefusedCall {
  readonly command: string;
  readonly at: number;
}
