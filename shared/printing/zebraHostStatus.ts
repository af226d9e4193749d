/**
 * The answer of a Zebra printer to ~HS (host status): three lines, each framed STX … ETX and ended CR LF.
 *   line 1  aaa,b,c,dddd,eee,f,g,h,iii,j,k,l    b paper out, c paused, f buffer full, k under / l over temperature
 *   line 2  mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www    o head up, p ribbon out, q thermal-transfer mode
 *   line 3  xxxx,y                               password, static RAM installed
 * (ZPL II Programming Guide, "~HS Host Status Return"; line 2 field n is unused.)
 * The station only needs "can it print now?" and, if not, why in words.
 */
export interface ZebraHostStatus {
  readonly paperOut: boolean;
  readonly paused: boolean;
  readonly headUp: boolean;
  readonly ribbonOut: boolean;
  readonly thermalTransfer: boolean;
  readonly bufferFull: boolean;
  readonly formatsInBuffer: number;
}

const STX = '\u0002';
const ETX = '\u0003';

/** The framed lines complete so far; null until all three have arrived. */
export function hostStatusFrames(raw: string): string[] | null {
  const frames: string[] = [];
  let at = 0;
  while (frames.length < 3) {
    const start = raw.indexOf(STX, at);
    if (start < 0) return null;
    const end = raw.indexOf(ETX, start + 1);
    if (end < 0) return null;
    frames.push(raw.slice(start + 1, end));
    at = end + 1;
  }
  return frames;
}

const flag = (fields: readonly string[], i: number): boolean | null => {
  const v = fields[i]?.trim();
  return v === '0' ? false : v === '1' ? true : null;
};

/** Parses a complete answer; null when it is not a ~HS answer (wrong framing, missing or non-numeric fields). */
export function parseHostStatus(raw: string): ZebraHostStatus | null {
  const frames = hostStatusFrames(raw);
  if (frames === null) return null;
  const [l1, l2] = frames.map((f) => f.split(','));
  if (l1 === undefined || l2 === undefined || l1.length < 12 || l2.length < 11) return null;
  const paperOut = flag(l1, 1);
  const paused = flag(l1, 2);
  const bufferFull = flag(l1, 5);
  const headUp = flag(l2, 2);
  const ribbonOut = flag(l2, 3);
  const thermalTransfer = flag(l2, 4);
  const formats = Number.parseInt(l1[4]?.trim() ?? '', 10);
  if (paperOut === null || paused === null || bufferFull === null || headUp === null || ribbonOut === null || thermalTransfer === null || !Number.isInteger(formats)) {
    return null;
  }
  return { paperOut, paused, headUp, ribbonOut, thermalTransfer, bufferFull, formatsInBuffer: formats };
}

/** Why the printer cannot print now, in words; null when it can. */
export function notReadyReason(status: ZebraHostStatus): string | null {
  const problems: string[] = [];
  if (status.paperOut) problems.push('out of labels');
  if (status.headUp) problems.push('print head open');
  if (status.ribbonOut && status.thermalTransfer) problems.push('ribbon out');
  if (status.paused) problems.push('paused');
  if (status.bufferFull) problems.push('receive buffer full');
  return problems.length === 0 ? null : `The printer reports: ${problems.join(', ')}.`;
}
