/** Simulated NCI scale: "W" → weight reply, "S" → status, "Z" → zero then status, else "? ". Commands end CR. */
import { NCI_UNRECOGNISED, encodeNciStatusReply, encodeNciWeightReply, type NciShape } from '../nciEncoder.ts';
import { createCommandAccumulator } from './commandAccumulator.ts';
import type { ScaleModel } from './scaleModel.ts';
import type { ScaleResponder } from './scaleResponder.ts';

export function createNciResponder(model: ScaleModel, shape: NciShape): ScaleResponder {
  const commands = createCommandAccumulator();
  return {
    receive(bytes, now) {
      return commands(bytes).map((command) => {
        if (command === 'W') return encodeNciWeightReply(model.display(now), shape);
        if (command === 'S') return encodeNciStatusReply(model.display(now), shape);
        if (command === 'Z') {
          model.zero(now);
          return encodeNciStatusReply(model.display(now), shape);
        }
        return NCI_UNRECOGNISED;
      });
    },
    stream: () => null,
  };
}
