/**
 * Which protocol, and which variant of it, a simulated scale speaks; and the host-side settings that read it.
 */
import { z } from 'zod';
import { NCI_SHAPES } from '../nciEncoder.ts';
import type { SerialProtocolConfig } from '../serialProtocolConfig.ts';
import { createMettler8213Responder } from './mettler8213Responder.ts';
import { createMtSicsResponder } from './mtSicsResponder.ts';
import { createNciResponder } from './nciResponder.ts';
import type { ScaleModel } from './scaleModel.ts';
import type { ScaleResponder } from './scaleResponder.ts';
import { createToledoContinuousResponder } from './toledoContinuousResponder.ts';

export const SimulatorProtocolSchema = z.discriminatedUnion('protocol', [
  z.object({ protocol: z.literal('mettler-8213') }),
  z.object({ protocol: z.literal('toledo-continuous'), tareField: z.boolean(), checksum: z.boolean() }),
  z.object({ protocol: z.literal('mt-sics') }),
  z.object({ protocol: z.literal('nci'), shape: z.enum(NCI_SHAPES) }),
]);
export type SimulatorProtocol = z.infer<typeof SimulatorProtocolSchema>;

/** One simulator configuration per protocol family, as used by the integration tests and the demo. */
export const SIMULATOR_PROTOCOLS: readonly SimulatorProtocol[] = [
  { protocol: 'mettler-8213' },
  { protocol: 'toledo-continuous', tareField: true, checksum: true },
  { protocol: 'mt-sics' },
  { protocol: 'nci', shape: 'scp01' },
  { protocol: 'nci', shape: 'scp12' },
];

export function describeSimulatorProtocol(p: SimulatorProtocol): string {
  if (p.protocol === 'nci') return `nci-${p.shape}`;
  if (p.protocol === 'toledo-continuous') return `toledo-continuous${p.tareField ? '' : '-short'}${p.checksum ? '' : '-nochecksum'}`;
  return p.protocol;
}

export function createResponder(model: ScaleModel, protocol: SimulatorProtocol): ScaleResponder {
  switch (protocol.protocol) {
    case 'mettler-8213':
      return createMettler8213Responder(model);
    case 'toledo-continuous':
      return createToledoContinuousResponder(model, protocol);
    case 'mt-sics':
      return createMtSicsResponder(model);
    case 'nci':
      return createNciResponder(model, protocol.shape);
  }
}

/** The settings a host needs to read this simulator (the 8213 unit is the model's, as on a real scale). */
export function hostConfigFor(protocol: SimulatorProtocol, model: ScaleModel): SerialProtocolConfig {
  switch (protocol.protocol) {
    case 'mettler-8213':
      if (model.unit === 'lb-oz') throw new RangeError('8213 scales do not report pounds-ounces');
      return { protocol: 'mettler-8213', unit: model.unit };
    case 'toledo-continuous':
      return { protocol: 'toledo-continuous', tareField: protocol.tareField, checksum: protocol.checksum };
    case 'mt-sics':
      return { protocol: 'mt-sics' };
    case 'nci':
      return { protocol: 'nci' };
  }
}
