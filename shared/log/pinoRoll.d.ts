/**
 * Types for pino-roll (it ships none), in shared/ only because both Node sides (electron/, hq/) include shared/ and
 * must not include each other. No runtime code; written without Node types so shared/ still typechecks pure.
 */
declare module 'pino-roll' {
  export interface PinoRollStream {
    /** The file being written now (null until it is open: wait for 'ready'). */
    readonly file: string | null;
    write(chunk: string): boolean;
    flush(callback?: (error?: Error | null) => void): void;
    end(): void;
    once(event: 'close' | 'finish' | 'ready', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }
  export interface PinoRollOptions {
    file: string;
    extension?: string;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    size?: string | number;
    mkdir?: boolean;
    /** sonic-boom: write each line synchronously. */
    sync?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }
  export default function build(options: PinoRollOptions): Promise<PinoRollStream>;
}
