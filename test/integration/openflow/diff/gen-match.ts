/**
 * A seeded generator of random ovs-ofctl flow text for the differential tests: flow fields
 * (table, priority, cookie, timeouts, importance, flags), a random match over the fields OVS knows
 * — each with its prerequisites, values over the full range and masks that are zero, all-ones,
 * CIDR or arbitrary — and a few simple actions. A small share of texts is made invalid on purpose
 * (missing prerequisite, value too wide, unknown field) so the test also compares refusals.
 *
 * Reusable: `genFlow(rng, version, { actions })` takes an action generator, so a random-action
 * generator can be plugged in for the full flow differential.
 */

/** xorshift128+ over BigInt-free 32-bit lanes: fast, seedable, reproducible. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = seed | 0 || 1;
    this.b = 0x9e3779b9;
    this.c = 0x243f6a88;
    this.d = 0xb7e15162;
    for (let i = 0; i < 16; i++) this.u32();
  }
  /** sfc32. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 0x100000000) * n);
  }
  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** Random `bits`-bit value, biased towards the edges (0, all ones, one bit, small). */
  bits(bits: number): bigint {
    const all = (1n << BigInt(bits)) - 1n;
    switch (this.int(8)) {
      case 0:
        return 0n;
      case 1:
        return all;
      case 2:
        return 1n << BigInt(this.int(bits));
      case 3:
        return BigInt(this.int(256)) & all;
      default: {
        let v = 0n;
        for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(this.u32());
        return v & all;
      }
    }
  }
  /** A mask: all zero, all ones, a prefix (CIDR) or arbitrary bits. */
  mask(bits: number): bigint {
    const all = (1n << BigInt(bits)) - 1n;
    switch (this.int(5)) {
      case 0:
        return 0n;
      case 1:
        return all;
      case 2: {
        const n = this.int(bits + 1);
        return (all << BigInt(bits - n)) & all;
      }
      default:
        return this.bits(bits);
    }
  }
}

type Kind = 'hex' | 'dec' | 'mac' | 'ipv4' | 'ipv6';

interface FieldGen {
  readonly name: string;
  readonly bits: number;
  readonly kind: Kind;
  readonly maskable: boolean;
  /** Protocol shorthand(s) one of which must come first (OVS wants the prerequisite before). */
  readonly pre?: readonly string[];
  /** Extra text needed before the field (e.g. icmp_type for ND). */
  readonly extra?: (rng: Rng) => string;
  /** Lowest OpenFlow version ovs-ofctl accepts it in (default 1.0). */
  readonly value?: (rng: Rng) => string;
}

const L3IP4 = ['ip', 'tcp', 'udp', 'icmp', 'sctp'];
const L3IP6 = ['ipv6', 'tcp6', 'udp6', 'icmp6', 'sctp6'];
const ANYIP = [...L3IP4, ...L3IP6];

const FIELDS: readonly FieldGen[] = [
  { name: 'in_port', bits: 16, kind: 'dec', maskable: false, value: (r) => String(1 + r.int(0xfeff)) },
  { name: 'dl_src', bits: 48, kind: 'mac', maskable: true },
  { name: 'dl_dst', bits: 48, kind: 'mac', maskable: true },
  { name: 'dl_vlan', bits: 12, kind: 'dec', maskable: false },
  { name: 'dl_vlan_pcp', bits: 3, kind: 'dec', maskable: false },
  { name: 'vlan_tci', bits: 16, kind: 'hex', maskable: true },
  { name: 'nw_src', bits: 32, kind: 'ipv4', maskable: true, pre: ['ip', 'tcp', 'udp', 'icmp', 'sctp'] },
  { name: 'nw_dst', bits: 32, kind: 'ipv4', maskable: true, pre: ['ip', 'tcp', 'udp'] },
  { name: 'nw_tos', bits: 8, kind: 'dec', maskable: false, pre: ANYIP, value: (r) => String(r.int(64) * 4) },
  { name: 'ip_dscp', bits: 6, kind: 'dec', maskable: false, pre: ANYIP },
  { name: 'nw_ecn', bits: 2, kind: 'dec', maskable: false, pre: ANYIP },
  { name: 'nw_ttl', bits: 8, kind: 'dec', maskable: false, pre: ANYIP },
  {
    name: 'ip_frag',
    bits: 0,
    kind: 'dec',
    maskable: false,
    pre: ['ip', 'ipv6'],
    value: (r) => r.pick(['no', 'yes', 'first', 'later', 'not_later']),
  },
  { name: 'ipv6_src', bits: 128, kind: 'ipv6', maskable: true, pre: L3IP6 },
  { name: 'ipv6_dst', bits: 128, kind: 'ipv6', maskable: true, pre: L3IP6 },
  { name: 'ipv6_label', bits: 20, kind: 'hex', maskable: true, pre: L3IP6 },
  { name: 'tp_src', bits: 16, kind: 'dec', maskable: true, pre: ['tcp', 'udp', 'tcp6', 'udp6', 'sctp', 'sctp6'] },
  { name: 'tp_dst', bits: 16, kind: 'dec', maskable: true, pre: ['tcp', 'udp', 'tcp6', 'udp6', 'sctp', 'sctp6'] },
  { name: 'tcp_flags', bits: 12, kind: 'hex', maskable: true, pre: ['tcp', 'tcp6'] },
  { name: 'icmp_type', bits: 8, kind: 'dec', maskable: false, pre: ['icmp', 'icmp6'] },
  { name: 'icmp_code', bits: 8, kind: 'dec', maskable: false, pre: ['icmp', 'icmp6'] },
  {
    name: 'nd_target',
    bits: 128,
    kind: 'ipv6',
    maskable: true,
    pre: ['icmp6'],
    extra: (r) => `icmp_type=${r.pick([135, 136])},icmp_code=0`,
  },
  { name: 'nd_sll', bits: 48, kind: 'mac', maskable: true, pre: ['icmp6'], extra: () => 'icmp_type=135,icmp_code=0' },
  { name: 'nd_tll', bits: 48, kind: 'mac', maskable: true, pre: ['icmp6'], extra: () => 'icmp_type=136,icmp_code=0' },
  { name: 'arp_op', bits: 16, kind: 'dec', maskable: false, pre: ['arp', 'rarp'] },
  { name: 'arp_spa', bits: 32, kind: 'ipv4', maskable: true, pre: ['arp', 'rarp'] },
  { name: 'arp_tpa', bits: 32, kind: 'ipv4', maskable: true, pre: ['arp'] },
  { name: 'arp_sha', bits: 48, kind: 'mac', maskable: true, pre: ['arp'] },
  { name: 'arp_tha', bits: 48, kind: 'mac', maskable: true, pre: ['arp', 'rarp'] },
  { name: 'mpls_label', bits: 20, kind: 'dec', maskable: false, pre: ['mpls', 'mplsm'] },
  { name: 'mpls_tc', bits: 3, kind: 'dec', maskable: false, pre: ['mpls', 'mplsm'] },
  { name: 'mpls_bos', bits: 1, kind: 'dec', maskable: false, pre: ['mpls'] },
  { name: 'mpls_ttl', bits: 8, kind: 'dec', maskable: false, pre: ['mpls'] },
  { name: 'tun_id', bits: 64, kind: 'hex', maskable: true },
  { name: 'tun_src', bits: 32, kind: 'ipv4', maskable: true },
  { name: 'tun_dst', bits: 32, kind: 'ipv4', maskable: true },
  { name: 'tun_ipv6_src', bits: 128, kind: 'ipv6', maskable: true },
  { name: 'tun_ipv6_dst', bits: 128, kind: 'ipv6', maskable: true },
  {
    name: 'tun_flags',
    bits: 16,
    kind: 'hex',
    maskable: true,
    value: (r) => r.pick(['+oam', '-oam', '0x1/0x1', '0/0x1']),
  },
  { name: 'actset_output', bits: 32, kind: 'dec', maskable: false, value: (r) => String(1 + r.int(0xfeff)) },
  {
    name: 'nd_reserved',
    bits: 32,
    kind: 'hex',
    maskable: false,
    pre: ['icmp6'],
    extra: (r) => `icmp_type=${r.pick([135, 136])},icmp_code=0`,
  },
  {
    name: 'nd_options_type',
    bits: 8,
    kind: 'dec',
    maskable: false,
    pre: ['icmp6'],
    extra: (r) => `icmp_type=${r.pick([135, 136])},icmp_code=0`,
  },
  { name: 'tun_gbp_id', bits: 16, kind: 'hex', maskable: true },
  { name: 'tun_gbp_flags', bits: 8, kind: 'hex', maskable: true },
  { name: 'tun_metadata0', bits: 32, kind: 'hex', maskable: true },
  { name: 'tun_metadata7', bits: 64, kind: 'hex', maskable: true },
  { name: 'metadata', bits: 64, kind: 'hex', maskable: true },
  ...Array.from({ length: 16 }, (_, i): FieldGen => ({ name: `reg${i}`, bits: 32, kind: 'hex', maskable: true })),
  ...Array.from({ length: 8 }, (_, i): FieldGen => ({ name: `xreg${i}`, bits: 64, kind: 'hex', maskable: true })),
  ...Array.from({ length: 4 }, (_, i): FieldGen => ({ name: `xxreg${i}`, bits: 128, kind: 'hex', maskable: true })),
  { name: 'pkt_mark', bits: 32, kind: 'hex', maskable: true },
  { name: 'ct_state', bits: 32, kind: 'hex', maskable: true, value: (r) => ctState(r) },
  { name: 'ct_zone', bits: 16, kind: 'hex', maskable: false },
  { name: 'ct_mark', bits: 32, kind: 'hex', maskable: true },
  { name: 'ct_label', bits: 128, kind: 'hex', maskable: true },
  { name: 'conj_id', bits: 32, kind: 'dec', maskable: false },
  { name: 'dp_hash', bits: 32, kind: 'hex', maskable: true },
  { name: 'recirc_id', bits: 32, kind: 'hex', maskable: false },
];

const OF11_NAMES = new Set([
  'in_port',
  'dl_src',
  'dl_dst',
  'dl_vlan',
  'dl_vlan_pcp',
  'nw_src',
  'nw_dst',
  'nw_tos',
  'ip_dscp',
  'tp_src',
  'tp_dst',
  'icmp_type',
  'icmp_code',
  'arp_op',
  'arp_spa',
  'arp_tpa',
  'mpls_label',
  'mpls_tc',
  'metadata',
]);
const OF11_FIELDS = FIELDS.filter((f) => OF11_NAMES.has(f.name)).map((f) => ({
  ...f,
  ...(f.pre ? { pre: f.pre.filter((p) => !p.endsWith('6') && p !== 'ipv6') } : {}),
  ...(f.name.startsWith('tp_') ? { maskable: false } : {}),
}));

function ctState(r: Rng): string {
  const flags = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'];
  let s = '';
  for (const f of flags) if (r.chance(0.3)) s += `${r.chance(0.5) ? '+' : '-'}${f}`;
  return s || '+trk';
}

function fmt(kind: Kind, v: bigint, bits: number): string {
  switch (kind) {
    case 'dec':
      return v.toString(10);
    case 'hex':
      return `0x${v.toString(16)}`;
    case 'mac':
      return v
        .toString(16)
        .padStart(12, '0')
        .replace(/(..)(?!$)/g, '$1:');
    case 'ipv4':
      return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
    case 'ipv6': {
      const h = v.toString(16).padStart(32, '0');
      return h.replace(/(....)(?!$)/g, '$1:');
    }
  }
  void bits;
}

function valueText(r: Rng, f: FieldGen): string {
  if (f.value) return f.value(r);
  const v = r.bits(f.bits);
  if (!f.maskable || r.chance(0.35)) return fmt(f.kind, v, f.bits);
  const m = r.mask(f.bits);
  if ((f.kind === 'ipv4' || f.kind === 'ipv6') && r.chance(0.3)) {
    return `${fmt(f.kind, v, f.bits)}/${r.int(f.bits + 1)}`;
  }
  return `${fmt(f.kind, v, f.bits)}/${fmt(f.kind === 'dec' ? 'hex' : f.kind, m, f.bits)}`;
}

/** One random action list in ovs-ofctl syntax (simple actions only). */
export type ActionGen = (rng: Rng, version: number, table: number | undefined) => string;

export const simpleActions: ActionGen = (r, version, table) => {
  const n = r.int(4);
  if (n === 0) return 'drop';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (r.int(4)) {
      case 0:
        out.push(`output:${1 + r.int(0xfeff)}`);
        break;
      case 1:
        out.push(`resubmit(,${r.int(255)})`);
        break;
      case 2:
        out.push(`resubmit(${1 + r.int(1000)},${r.int(255)})`);
        break;
      default:
        // output:CONTROLLER left out: its OF1.0 max_len (OVS 65535, here 0) is an action encoding item
        out.push(r.pick(['output:LOCAL', 'output:IN_PORT', 'NORMAL', 'FLOOD', 'ALL']));
    }
  }
  // goto_table must go forward (OFPBIC_BAD_TABLE_ID otherwise): mostly so, sometimes not
  const t = table ?? 0;
  const fwd = (): number => (t < 254 && r.chance(0.95) ? t + 1 + r.int(254 - t) : r.int(255));
  if (version >= 0x02 && r.chance(0.2)) out.push(`goto_table:${fwd()}`);
  else if (version === 0x01 && r.chance(0.1)) out.push(`goto_table:${fwd()}`);
  return out.join(',');
};

export interface GenOptions {
  readonly actions?: ActionGen;
  /** Share of texts made invalid on purpose (default 0.01). */
  readonly invalid?: number;
}

/** One random flow text for `version`. */
export function genFlow(r: Rng, version: number, opts: GenOptions = {}): string {
  const parts: string[] = [];
  const table = r.chance(0.6) ? r.int(255) : undefined;
  if (table !== undefined) parts.push(`table=${table}`);
  if (r.chance(0.7)) parts.push(`priority=${r.int(0x10000)}`);
  if (r.chance(0.4)) parts.push(`cookie=0x${r.bits(64).toString(16)}`);
  if (r.chance(0.3)) parts.push(`idle_timeout=${r.int(0x10000)}`);
  if (r.chance(0.3)) parts.push(`hard_timeout=${r.int(0x10000)}`);
  if (r.chance(0.2)) parts.push(`importance=${r.int(0x10000)}`);
  // flags: mostly those the version has (reset_counts 1.2+, no_*_counts 1.3+)
  for (const [fl, since] of [
    ['send_flow_rem', 1],
    ['check_overlap', 1],
    ['reset_counts', 3],
    ['no_packet_counts', 4],
    ['no_byte_counts', 4],
  ] as const) {
    if (r.chance(0.1) && (version >= since || r.chance(0.05))) parts.push(fl);
  }
  const nFields = r.int(6);
  // OpenFlow 1.1 has only the fixed match: mostly its fields, so that most texts are accepted
  const pool = version === 0x02 && r.chance(0.95) ? OF11_FIELDS : FIELDS;
  const used = new Set<string>();
  let shorthand: string | undefined;
  for (let i = 0; i < nFields; i++) {
    const f = r.pick(pool);
    if (used.has(f.name)) continue;
    if (f.pre) {
      if (shorthand === undefined) {
        shorthand = r.pick(f.pre);
        parts.push(shorthand);
      } else if (!f.pre.includes(shorthand)) continue;
    }
    used.add(f.name);
    if (f.extra && !used.has('icmp_type')) {
      parts.push(f.extra(r));
      used.add('icmp_type').add('icmp_code');
    }
    parts.push(`${f.name}=${valueText(r, f)}`);
  }
  if (shorthand === undefined && r.chance(0.3))
    parts.push(r.pick(['ip', 'arp', 'ipv6', 'tcp', 'udp6', 'mpls', 'rarp']));
  // deliberate errors
  if (r.chance(opts.invalid ?? 0.01)) {
    switch (r.int(3)) {
      case 0:
        parts.push('tp_dst=80'); // prerequisite usually missing
        break;
      case 1:
        parts.push(`ct_zone=${0x10000 + r.int(100)}`); // wider than the field
        break;
      default:
        parts.push('no_such_field=1');
    }
  }
  // shuffle the non-shorthand order a little: OVS's field order must not depend on the text's
  for (let i = parts.length - 1; i > 0; i--) {
    if (r.chance(0.3)) {
      const j = r.int(i + 1);
      const a = parts[i]!;
      const b = parts[j]!;
      // a shorthand must stay before the fields that need it
      if (isShorthand(a) || isShorthand(b) || a.startsWith('icmp_type') || b.startsWith('icmp_type')) continue;
      parts[i] = b;
      parts[j] = a;
    }
  }
  return `${parts.join(',')}${parts.length ? ' ' : ''}actions=${(opts.actions ?? simpleActions)(r, version, table)}`;
}

function isShorthand(p: string): boolean {
  return !p.includes('=') && /^(ip|ipv6|tcp6?|udp6?|sctp6?|icmp6?|arp|rarp|mplsm?)$/.test(p);
}
