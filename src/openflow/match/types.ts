/**
 * One match field as carried on the wire: the canonical ovs-ofctl field name, the value bytes
 * (network order, as wide as the field) and, when wildcarded bit-wise, the mask bytes.
 *
 * Example: `{ field: 'reg0', value: Uint8Array.of(0, 0, 0, 5) }` is `reg0=0x5`.
 */
export interface MatchField {
  /**
   * Canonical ovs-ofctl name, e.g. `'reg0'`, `'eth_src'`, `'tun_metadata3'`, `'xreg1'`.
   * Two names differ from ovs-ofctl's text because their wire widths differ: `in_port` is the
   * 16-bit NXM_OF_IN_PORT and `in_port_oxm` the 32-bit OXM_OF_IN_PORT (both print as `in_port=`).
   * A field this library does not know is `'unknown'` with {@link MatchField.header} set.
   */
  readonly field: string;
  /** Value bytes in network order; as long as the field (variable, 0..124, for tun_metadata). */
  readonly value: Uint8Array;
  /** Mask bytes (same length as value); absent means an exact match. */
  readonly mask?: Uint8Array;
  /**
   * The NXM/OXM code point used on the wire (e.g. `'NXM_OF_ETH_SRC'` vs `'OXM_OF_ETH_SRC'`),
   * set by the decoder so re-encoding is byte-exact. Absent: the encoder picks the code point
   * the OpenFlow version has (standard OXM first, then experimenter OXM, then NXM).
   */
  readonly codePoint?: string;
  /** Only for `field: 'unknown'`: the raw class / field number / experimenter id. */
  readonly header?: { readonly cls: number; readonly field: number; readonly experimenter?: number };
}

/** A match: the fields in wire order. */
export type Match = readonly MatchField[];
