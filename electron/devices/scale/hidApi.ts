/**
 * The slice of node-hid the scale drivers use, loaded only when a HID scale is listed or opened (so stations without
 * one never load the native module). Tests pass a fake HidApi.
 */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly product?: string | undefined;
  readonly usagePage?: number | undefined;
}

export interface HidHandle {
  on(event: 'data', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidApi {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

export type HidApiResult = { readonly ok: true; readonly api: HidApi } | { readonly ok: false; readonly message: string };

let cached: Promise<HidApiResult> | null = null;

export function loadNodeHid(): Promise<HidApiResult> {
  cached ??= import('node-hid').then(
    (mod): HidApiResult => {
      const hid = mod.default;
      return {
        ok: true,
        api: {
          devices: () => hid.devicesAsync(),
          open: async (path) => {
            const device = await hid.HIDAsync.open(path);
            const handle: HidHandle = {
              on(event: 'data' | 'error', listener: ((data: Buffer) => void) | ((error: Error) => void)) {
                device.on(event, listener);
              },
              close: () => device.close(),
            };
            return handle;
          },
        },
      };
    },
    (error: unknown): HidApiResult => ({ ok: false, message: `node-hid could not be loaded: ${error instanceof Error ? error.message : String(error)}` }),
  );
  return cached;
}
