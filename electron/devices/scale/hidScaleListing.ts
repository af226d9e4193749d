/** USB HID POS scales present on this machine: HID devices on usage page 0x8D (Scales). */
import { HID_SCALE_USAGE_PAGE } from '../../../shared/scale/hidPosReport.ts';
import type { HidApi, HidDeviceInfo } from './hidApi.ts';
import { normaliseUsbId } from './listedPort.ts';

export interface HidScaleInfo {
  readonly path: string;
  readonly vendorId: string;
  readonly productId: string;
  readonly serialNumber?: string;
  readonly name: string;
}

export function isHidScale(device: HidDeviceInfo): boolean {
  return device.usagePage === HID_SCALE_USAGE_PAGE && device.path !== undefined;
}

export async function listHidScales(api: HidApi): Promise<HidScaleInfo[]> {
  return (await api.devices()).filter(isHidScale).map((d) => {
    const info: { -readonly [K in keyof HidScaleInfo]: HidScaleInfo[K] } = {
      path: d.path ?? '',
      vendorId: normaliseUsbId(d.vendorId) ?? '0000',
      productId: normaliseUsbId(d.productId) ?? '0000',
      name: [d.manufacturer, d.product].filter(Boolean).join(' ') || 'USB HID scale',
    };
    if (d.serialNumber) info.serialNumber = d.serialNumber;
    return info;
  });
}
