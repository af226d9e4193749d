/** Collects host command bytes into commands ended by CR (LF ignored); bounded so garbage cannot grow it. */
const MAX_COMMAND = 32;

export function createCommandAccumulator(): (bytes: Uint8Array) => string[] {
  let pending = '';
  return (bytes) => {
    const commands: string[] = [];
    for (const byte of bytes) {
      if (byte === 0x0d) {
        commands.push(pending);
        pending = '';
      } else if (byte !== 0x0a) {
        pending = pending.length < MAX_COMMAND ? pending + String.fromCharCode(byte) : pending;
      }
    }
    return commands;
  };
}
