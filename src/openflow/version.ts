/** OpenFlow wire versions (ofp_header.version). OpenFlow 1.5.1 §7.1. */
export const OFP_VERSION = {
  OF10: 0x01,
  OF11: 0x02,
  OF12: 0x03,
  OF13: 0x04,
  OF14: 0x05,
  OF15: 0x06,
} as const;

export type OfVersion = (typeof OFP_VERSION)[keyof typeof OFP_VERSION];

/** The name ovs-ofctl prints for a version, e.g. `OF1.3`. */
export function versionName(v: number): string {
  switch (v) {
    case 0x01:
      return 'OF1.0';
    case 0x02:
      return 'OF1.1';
    case 0x03:
      return 'OF1.2';
    case 0x04:
      return 'OF1.3';
    case 0x05:
      return 'OF1.4';
    case 0x06:
      return 'OF1.5';
    default:
      return `OF(0x${v.toString(16).padStart(2, '0')})`;
  }
}
