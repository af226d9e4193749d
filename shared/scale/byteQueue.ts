/**
 * A growable FIFO of bytes for stream parsers: chunks are appended, frames are read in place by index and then
 * discarded from the front. Indexes are relative to the current front.
 */
export class ByteQueue {
  private buffer: Uint8Array;
  private start = 0;
  private end = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.end + chunk.length > this.buffer.length) this.makeRoom(chunk.length);
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Byte at a relative index; -1 past the end. */
  at(index: number): number {
    const i = this.start + index;
    return i < this.end ? (this.buffer[i] ?? -1) : -1;
  }

  /** Relative index of the first `byte` in [from, to), or -1. */
  indexOf(byte: number, from = 0, to = this.length): number {
    const limit = Math.min(this.end, this.start + to);
    for (let i = this.start + from; i < limit; i += 1) if (this.buffer[i] === byte) return i - this.start;
    return -1;
  }

  /** Relative index of the first byte in [from, to) for which `test` is true, or -1. */
  findIndex(test: (byte: number) => boolean, from = 0, to = this.length): number {
    const limit = Math.min(this.end, this.start + to);
    for (let i = this.start + from; i < limit; i += 1) if (test(this.buffer[i] ?? 0)) return i - this.start;
    return -1;
  }

  /** A copy of [from, to). */
  copy(from: number, to: number): Uint8Array {
    return this.buffer.slice(this.start + from, this.start + Math.min(to, this.length));
  }

  /** Drops `count` bytes from the front. */
  discard(count: number): void {
    this.start = Math.min(this.end, this.start + count);
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
  }

  private makeRoom(extra: number): void {
    const used = this.length;
    const needed = used + extra;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(this.start, this.end), 0);
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.start, this.end);
    }
    this.start = 0;
    this.end = used;
  }
}
