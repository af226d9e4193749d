/** Simulated 8213/8217 scale: 'W' → weight or status, 'Z' → zero then status; other bytes are ignored. */
import { encodeMettler8213Status, encodeMettler8213WeightReply } from '../mettler8213Encoder.ts';
import type { ScaleModel } from './scaleModel.ts';
import type { ScaleResponder } from './scaleResponder.ts';

export function createMettler8213Responder(model: ScaleModel): ScaleResponder {
  const unit = model.unit;
  if (unit === 'lb-oz') throw new RangeError('8213 scales do not report pounds-ounces');
  return {
    receive(bytes, now) {
      const replies: Uint8Array[] = [];
      for (const byte of bytes) {
        if (byte === 0x57) replies.push(encodeMettler8213WeightReply({ ...model.display(now), unit }));
        if (byte === 0x5a) {
          const zeroed = model.zero(now);
          const shown = model.display(now);
          replies.push(encodeMettler8213Status({ motion: !zeroed, atZero: zeroed && shown.value === 0, net: shown.net }));
        }
      }
      return replies;
    },
    stream: () => null,
  };
}
