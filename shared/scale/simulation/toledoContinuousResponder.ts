/** Simulated Toledo Continuous indicator: streams a frame per tick and ignores host bytes. */
import { encodeToledoContinuousFrame } from '../toledoContinuousEncoder.ts';
import type { ToledoContinuousFormat } from '../toledoContinuousFormat.ts';
import type { ScaleModel } from './scaleModel.ts';
import type { ScaleResponder } from './scaleResponder.ts';

export function createToledoContinuousResponder(model: ScaleModel, format: ToledoContinuousFormat): ScaleResponder {
  const unit = model.unit;
  if (unit !== 'lb' && unit !== 'kg' && unit !== 'g') throw new RangeError('Toledo Continuous reports lb, kg or g');
  return {
    receive: () => [],
    stream: (now) => encodeToledoContinuousFrame({ ...model.display(now), unit }, { format }),
  };
}
