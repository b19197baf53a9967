/**
 * One match field as carried on the wire: the canonical ovs-ofctl field name, the value bytes
 * (network order, as wide as the field) and, when wildcarded bit-wise, the mask bytes.
 *
 * Example: `{ field: 'reg0', value: Uint8Array.of(0, 0, 0, 5) }` is `reg0=0x5`.
 */
export interface MatchField {
  /** Canonical ovs-ofctl name, e.g. `'reg0'`, `'eth_src'`, `'tun_metadata3'`. */
  readonly field: string;
  /** Value bytes in network order; as long as the field (variable for tun_metadata). */
  readonly value: Uint8Array;
  /** Mask bytes (same length as value); absent means an exact match. */
  readonly mask?: Uint8Array;
}

/** A match: the fields in wire order. */
export type Match = readonly MatchField[];
