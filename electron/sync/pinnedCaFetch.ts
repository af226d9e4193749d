/**
 * A fetch that trusts only the given CA certificate(s) (PEM) for HTTPS: the station pins HQ's private CA with
 * --hq-ca-file instead of the system's list. Certificates are still fully verified (chain, dates, host name); a
 * certificate not issued by that CA fails as "offline" with its TLS error code, like any unreachable HQ.
 * Uses undici's Agent (the library behind Node's fetch) with its own fetch, so the two always match.
 */
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';

export function pinnedCaFetch(caFile: string): typeof fetch {
  const agent = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } });
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent })) as unknown as typeof fetch;
}
