import type { MatchField } from '../match/types.js';

/**
 * A reference to a bit range of a field, as Nicira actions carry it (`NXM_NX_REG0[4..31]`):
 * the canonical field name, the first bit and the number of bits.
 */
export interface FieldSlice {
  readonly field: string;
  readonly ofs: number;
  readonly nBits: number;
}

/** NAT part of a ct() action (NXAST_NAT). Addresses are dotted / colon text. */
export interface NatSpec {
  readonly kind?: 'src' | 'dst';
  readonly ipMin?: string;
  readonly ipMax?: string;
  readonly protoMin?: number;
  readonly protoMax?: number;
  /** NX_NAT_F_PERSISTENT / HASH / RANDOM (ovs-ofctl words `persistent`, `hash`, `random`). */
  readonly flags: readonly ('persistent' | 'hash' | 'random')[];
}

/** One learn() spec (nx_flow_spec). */
export type LearnSpec =
  | { readonly kind: 'match'; readonly dst: FieldSlice; readonly src: FieldSlice | Uint8Array }
  | { readonly kind: 'load'; readonly dst: FieldSlice; readonly src: FieldSlice | Uint8Array }
  | { readonly kind: 'output'; readonly src: FieldSlice };

/**
 * Every action this library encodes and decodes: the standard OpenFlow 1.0–1.5 actions and the
 * Nicira extensions OVS implements. Unknown experimenter actions are kept as raw bytes
 * (`experimenter`) and re-encoded unchanged.
 */
export type Action =
  // standard (OpenFlow 1.5.1 §7.2.6; OF1.0 §5.2.4)
  | { readonly type: 'output'; readonly port: number; readonly maxLen: number }
  | { readonly type: 'group'; readonly groupId: number }
  | { readonly type: 'setQueue'; readonly queueId: number }
  | { readonly type: 'enqueue'; readonly port: number; readonly queueId: number }
  | { readonly type: 'pushVlan'; readonly ethertype: number }
  | { readonly type: 'popVlan' }
  | { readonly type: 'pushMpls'; readonly ethertype: number }
  | { readonly type: 'popMpls'; readonly ethertype: number }
  | { readonly type: 'pushPbb'; readonly ethertype: number }
  | { readonly type: 'popPbb' }
  | { readonly type: 'setMplsTtl'; readonly ttl: number }
  | { readonly type: 'decMplsTtl' }
  | { readonly type: 'setNwTtl'; readonly ttl: number }
  | { readonly type: 'decNwTtl' }
  | { readonly type: 'copyTtlOut' }
  | { readonly type: 'copyTtlIn' }
  | { readonly type: 'setField'; readonly field: MatchField }
  | {
      readonly type: 'copyField';
      readonly nBits: number;
      readonly src: FieldSlice;
      readonly dst: FieldSlice;
      /** Encoded as the ONF OpenFlow 1.3 extension (experimenter 0x4f4e4600, type 3200) instead of OFPAT_COPY_FIELD. */
      readonly onf?: boolean;
    }
  | { readonly type: 'meter'; readonly meterId: number }
  // OF1.0-only
  /** `ofpat11`: decoded from OpenFlow 1.1's OFPAT11_SET_VLAN_*, which ovs-ofctl names set_vlan_vid / set_vlan_pcp. */
  | { readonly type: 'setVlanVid'; readonly vid: number; readonly ofpat11?: true }
  | { readonly type: 'setVlanPcp'; readonly pcp: number; readonly ofpat11?: true }
  | { readonly type: 'stripVlan' }
  | { readonly type: 'setDlSrc'; readonly mac: Uint8Array }
  | { readonly type: 'setDlDst'; readonly mac: Uint8Array }
  | { readonly type: 'setNwSrc'; readonly addr: Uint8Array }
  | { readonly type: 'setNwDst'; readonly addr: Uint8Array }
  | { readonly type: 'setNwTos'; readonly tos: number }
  | { readonly type: 'setNwEcn'; readonly ecn: number }
  | { readonly type: 'outputTrunc'; readonly port: number; readonly maxLen: number }
  | { readonly type: 'setTpSrc'; readonly port: number }
  | { readonly type: 'setTpDst'; readonly port: number }
  // Nicira (NX_VENDOR_ID 0x00002320)
  | { readonly type: 'resubmit'; readonly inPort?: number; readonly table?: number; readonly ct?: boolean }
  | { readonly type: 'regLoad'; readonly dst: FieldSlice; readonly value: bigint }
  | { readonly type: 'regLoad2'; readonly field: MatchField }
  | { readonly type: 'regMove'; readonly src: FieldSlice; readonly dst: FieldSlice }
  /** NXAST_STACK_PUSH / NXAST_STACK_POP: `push:FIELD[…]`, `pop:FIELD[…]` (OVS lib/ofp-actions.c). */
  | { readonly type: 'stackPush' | 'stackPop'; readonly slice: FieldSlice }
  | { readonly type: 'note'; readonly data: Uint8Array }
  | { readonly type: 'outputReg'; readonly src: FieldSlice; readonly maxLen: number; readonly v2?: boolean }
  | {
      readonly type: 'ct';
      readonly commit: boolean;
      readonly force: boolean;
      readonly zone?: number;
      readonly zoneSrc?: FieldSlice;
      readonly table?: number;
      readonly alg?: number;
      readonly actions: readonly Action[];
    }
  | ({ readonly type: 'nat' } & NatSpec)
  | { readonly type: 'ctClear' }
  | { readonly type: 'conjunction'; readonly id: number; readonly clause: number; readonly nClauses: number }
  | {
      readonly type: 'learn';
      readonly idleTimeout: number;
      readonly hardTimeout: number;
      readonly priority: number;
      readonly cookie: bigint;
      readonly flags: number;
      readonly table: number;
      readonly finIdleTimeout: number;
      readonly finHardTimeout: number;
      readonly specs: readonly LearnSpec[];
      readonly limit?: number;
      readonly resultDst?: FieldSlice;
    }
  | { readonly type: 'decTtl'; readonly ids?: readonly number[] }
  | { readonly type: 'controller'; readonly maxLen: number; readonly id: number; readonly reason: number }
  | {
      readonly type: 'controller2';
      readonly maxLen?: number;
      readonly id?: number;
      readonly reason?: number;
      readonly userdata?: Uint8Array;
      readonly pause?: boolean;
      readonly meterId?: number;
    }
  | { readonly type: 'exit' }
  | { readonly type: 'clone'; readonly actions: readonly Action[] }
  | { readonly type: 'checkPktLarger'; readonly pktLen: number; readonly dst: FieldSlice }
  | {
      readonly type: 'sample';
      readonly probability: number;
      readonly collectorSetId: number;
      readonly obsDomainId: number;
      readonly obsPointId: number;
      readonly samplingPort?: number;
      readonly direction?: 'ingress' | 'egress';
    }
  | { readonly type: 'setTunnel'; readonly tunId: bigint; readonly wide: boolean }
  | { readonly type: 'popQueue' }
  | { readonly type: 'finTimeout'; readonly idleTimeout: number; readonly hardTimeout: number }
  | {
      readonly type: 'multipath';
      readonly fields: number;
      readonly basis: number;
      readonly algorithm: number;
      readonly maxLink: number;
      readonly arg: number;
      readonly dst: FieldSlice;
    }
  | {
      readonly type: 'bundle';
      readonly algorithm: number;
      readonly fields: number;
      readonly basis: number;
      readonly slaveType: number;
      readonly dst?: FieldSlice;
      readonly members: readonly number[];
    }
  | { readonly type: 'deleteField'; readonly field: string }
  | { readonly type: 'setMplsLabel'; readonly label: number }
  | { readonly type: 'setMplsTc'; readonly tc: number }
  | { readonly type: 'decNshTtl' }
  // anything else: kept verbatim (type, and for experimenter actions the vendor id and subtype)
  | { readonly type: 'experimenter'; readonly experimenter: number; readonly data: Uint8Array }
  | { readonly type: 'unknown'; readonly actionType: number; readonly data: Uint8Array };

/** OpenFlow 1.1+ instructions (OpenFlow 1.5.1 §7.2.5), plus OF1.0's bare action list. */
export type Instruction =
  | { readonly type: 'gotoTable'; readonly tableId: number }
  | { readonly type: 'writeMetadata'; readonly metadata: bigint; readonly mask: bigint }
  | { readonly type: 'writeActions'; readonly actions: readonly Action[] }
  | { readonly type: 'applyActions'; readonly actions: readonly Action[] }
  | { readonly type: 'clearActions' }
  | { readonly type: 'meter'; readonly meterId: number }
  | { readonly type: 'statTrigger'; readonly flags: number; readonly thresholds: readonly bigint[] }
  | { readonly type: 'experimenter'; readonly experimenter: number; readonly data: Uint8Array };
