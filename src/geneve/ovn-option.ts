/**
 * OVN's GENEVE metadata option: class 0x0102, type 0x80 (critical), 4 data bytes.
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|   Logical Ingress Port Key  |   Logical Egress Port Key     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 * ovn-architecture(7), "Tunnel Encapsulations": the VNI carries the logical datapath's tunnel key;
 * egress keys 0x8000 and above name logical multicast groups.
 */
import { OVN_GENEVE } from './constants.js';
import { OvnOptionError } from './errors.js';
import type { GeneveHeader, GeneveOption, GeneveView } from './header.js';

/** The contents of OVN's option. */
export interface OvnMetadata {
  /** Logical ingress port key, 15 bits (Port_Binding.tunnel_key of the port the packet entered on). */
  readonly ingressPort: number;
  /** Logical egress port key, 16 bits (a Port_Binding.tunnel_key, or a Multicast_Group key ≥ 0x8000). */
  readonly egressPort: number;
  /** The reserved top bit (0 or 1); OVN writes 0. */
  readonly rsvd: number;
  /** True when `egressPort` ≥ 0x8000 (a logical multicast group). */
  readonly multicast: boolean;
}

/** True when the option is OVN's (class 0x0102, type 0x80). */
export function isOvnMetadataOption(o: { readonly optionClass: number; readonly type: number }): boolean {
  return o.optionClass === OVN_GENEVE.CLASS && o.type === OVN_GENEVE.TYPE;
}

/**
 * Builds OVN's option. The header encoder then sets C by itself (the type is critical).
 *
 * @example
 * ```ts
 * ovnMetadataOption({ ingressPort: 2, egressPort: 4 }).data; // 00 02 00 04
 * ```
 * @throws OvnOptionError `GENEVE_OVN_OPTION_INVALID` when a key is out of range.
 */
export function ovnMetadataOption(m: {
  readonly ingressPort: number;
  readonly egressPort: number;
  readonly rsvd?: number;
}): GeneveOption {
  const { ingressPort, egressPort } = m;
  const rsvd = m.rsvd ?? 0;
  if (!Number.isInteger(ingressPort) || ingressPort < 0 || ingressPort > OVN_GENEVE.MAX_INGRESS_KEY) {
    throw new OvnOptionError(`ingress port key ${ingressPort} out of range 0..${OVN_GENEVE.MAX_INGRESS_KEY}`, 0);
  }
  if (!Number.isInteger(egressPort) || egressPort < 0 || egressPort > OVN_GENEVE.MAX_EGRESS_KEY) {
    throw new OvnOptionError(`egress port key ${egressPort} out of range 0..${OVN_GENEVE.MAX_EGRESS_KEY}`, 0);
  }
  if (rsvd !== 0 && rsvd !== 1) throw new OvnOptionError(`reserved bit ${rsvd} must be 0 or 1`, 0);
  const data = new Uint8Array(4);
  data[0] = (rsvd << 7) | (ingressPort >>> 8);
  data[1] = ingressPort & 0xff;
  data[2] = egressPort >>> 8;
  data[3] = egressPort & 0xff;
  return { optionClass: OVN_GENEVE.CLASS, type: OVN_GENEVE.TYPE, rsvd: 0, data };
}

/**
 * Reads OVN's option.
 * @throws OvnOptionError `GENEVE_OVN_OPTION_INVALID` when it is another option or its data is not 4 bytes.
 */
export function parseOvnMetadata(o: GeneveOption): OvnMetadata {
  if (!isOvnMetadataOption(o)) {
    throw new OvnOptionError(
      `option class 0x${o.optionClass.toString(16)} type 0x${o.type.toString(16)} is not OVN's (0x0102/0x80)`,
      0,
    );
  }
  if (o.data.length !== 4) throw new OvnOptionError(`OVN option data is ${o.data.length} bytes, expected 4`, 4);
  return fromBytes(o.data, 0);
}

function fromBytes(b: Uint8Array, at: number): OvnMetadata {
  const egressPort = (b[at + 2]! << 8) | b[at + 3]!;
  return {
    rsvd: b[at]! >>> 7,
    ingressPort: ((b[at]! & 0x7f) << 8) | b[at + 1]!,
    egressPort,
    multicast: egressPort >= OVN_GENEVE.MULTICAST_KEY_MIN,
  };
}

/** Finds and reads OVN's option in a decoded header; `undefined` when absent. @throws as {@link parseOvnMetadata}. */
export function findOvnMetadata(h: GeneveHeader): OvnMetadata | undefined {
  for (const o of h.options) if (isOvnMetadataOption(o)) return parseOvnMetadata(o);
  return undefined;
}

/**
 * Zero-allocation read of OVN's option from a {@link GeneveView}: returns the 32-bit option data
 * (`(ingress << 16) | egress`, reserved bit included) or -1 when absent.
 * Use `(v >>> 16) & 0x7fff` for the ingress key and `v & 0xffff` for the egress key.
 * @throws OvnOptionError `GENEVE_OVN_OPTION_INVALID` when the option's data is not 4 bytes.
 */
export function ovnMetadataWord(view: GeneveView): number {
  const p = view.findOption(OVN_GENEVE.CLASS, OVN_GENEVE.TYPE);
  if (p < 0) return -1;
  if (view.optionDataLengthAt(p) !== 4)
    throw new OvnOptionError(`OVN option data is ${view.optionDataLengthAt(p)} bytes, expected 4`, p + 3);
  const b = view.buf;
  return (b[p + 4]! * 0x1000000 + ((b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!)) >>> 0;
}
