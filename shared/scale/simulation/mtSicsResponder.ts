/** Simulated MT-SICS balance: S, SI, Z, T, TAC; anything else → ES. Commands end CR LF. */
import { encodeSicsWeightReply, sicsLine, sicsWeightText } from '../mtSicsEncoder.ts';
import { createCommandAccumulator } from './commandAccumulator.ts';
import type { ScaleModel } from './scaleModel.ts';
import type { ScaleResponder } from './scaleResponder.ts';

export function createMtSicsResponder(model: ScaleModel): ScaleResponder {
  const unit = model.unit;
  if (unit === 'lb-oz') throw new RangeError('MT-SICS balances do not report pounds-ounces');
  const commands = createCommandAccumulator();
  return {
    receive(bytes, now) {
      return commands(bytes).map((command) => {
        const shown = { ...model.display(now), unit };
        switch (command) {
          case 'S':
          case 'SI':
            return encodeSicsWeightReply(shown, command);
          case 'Z':
            return sicsLine(model.zero(now) ? 'Z A' : 'Z I');
          case 'T': {
            const tare = model.tare(now);
            return sicsLine(tare === null ? 'T I' : `T S ${sicsWeightText({ ...shown, value: tare })}`);
          }
          case 'TAC':
            model.clearTare();
            return sicsLine('TAC A');
          default:
            return sicsLine('ES');
        }
      });
    },
    stream: () => null,
  };
}
