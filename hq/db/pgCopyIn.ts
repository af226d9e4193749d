/**
 * COPY … FROM STDIN over a `pg` client without another package: a minimal "submittable" (the interface `pg`
 * offers custom query types) that sends the statement, answers the server's CopyInResponse with the data in one
 * CopyData message and CopyDone, and resolves with the row count from CommandComplete ("COPY n"). A server error
 * (for example a unique violation) rejects with `pg`'s own DatabaseError, `code` included.
 */
import type pg from 'pg';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyInSubmittable implements pg.Submittable {
  private rows = 0;
  private settled = false;
  private readonly text: string;
  private readonly data: Buffer;
  private readonly resolve: (rows: number) => void;
  private readonly reject: (err: unknown) => void;

  constructor(text: string, data: Buffer, resolve: (rows: number) => void, reject: (err: unknown) => void) {
    this.text = text;
    this.data = data;
    this.resolve = resolve;
    this.reject = reject;
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(msg.text ?? '');
    this.rows = m?.[1] ? Number(m[1]) : 0;
  }

  handleReadyForQuery(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(this.rows);
  }

  handleError(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }

  // Messages a COPY FROM never receives; present because `pg` may call them on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY … FROM STDIN` on this client (inside its transaction, if one is open); returns the rows copied. */
export function pgCopyIn(client: pg.ClientBase, statement: string, data: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const submittable = new CopyInSubmittable(statement, Buffer.from(data, 'utf8'), resolve, reject);
    client.query(submittable);
  });
}
