/** Identifiers of the scale protocols the station speaks (also the `protocol` field of ScaleDeviceStatus). */
export const SCALE_PROTOCOL_IDS = ['mettler-8213', 'toledo-continuous', 'mt-sics', 'nci', 'hid-pos'] as const;
export type ScaleProtocolId = (typeof SCALE_PROTOCOL_IDS)[number];

/** The serial ones (everything but HID). */
export const SERIAL_SCALE_PROTOCOL_IDS = ['mettler-8213', 'toledo-continuous', 'mt-sics', 'nci'] as const;
export type SerialScaleProtocolId = (typeof SERIAL_SCALE_PROTOCOL_IDS)[number];

export const SCALE_PROTOCOL_LABELS: Readonly<Record<ScaleProtocolId, string>> = {
  'mettler-8213': 'Mettler Toledo 8213/8217',
  'toledo-continuous': 'Toledo Continuous',
  'mt-sics': 'Mettler Toledo MT-SICS',
  nci: 'NCI / Weigh-Tronix / Brecknell',
  'hid-pos': 'USB HID POS scale',
};
