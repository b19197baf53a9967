/**
 * Random ovs-ofctl action lists for differential tests against `ovs-ofctl parse-flows`.
 * `randomActions(rng, version)` draws 1–4 actions from every action ovs-ofctl 3.1 knows and the SDK
 * supports, with arguments over their full ranges (ports, ids, field slices, values of the field's
 * width). Most draws are valid for the match `randomContext` returns, some are not on purpose
 * (a field without its prerequisite, a slice past the field's end), so acceptance is tested too.
 * Pure: no I/O, deterministic for a given rng.
 */

/** A source of unsigned 32-bit integers (e.g. `xorshift32(seed)` from src/testing/random.ts). */
export type Rng = () => number;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng() % xs.length]!;
const below = (rng: Rng, n: number): number => rng() % n;
const chance = (rng: Rng, pct: number): boolean => rng() % 1000 < pct * 10;

/** A uniformly random value of `bits` bits, biased to edge values (0, 1, max) one time in four. */
function value(rng: Rng, bits: number): bigint {
  const r = below(rng, 8);
  const max = (1n << BigInt(bits)) - 1n;
  if (r === 0) return 0n;
  if (r === 1) return max;
  if (r === 2) return 1n;
  let v = 0n;
  for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(rng());
  // draw a random width too, so small values are common
  const w = 1 + below(rng, bits);
  return v & ((1n << BigInt(w)) - 1n) & max;
}
const hex = (v: bigint): string => `0x${v.toString(16)}`;
const num = (rng: Rng, bits: number): string => (chance(rng, 50) ? hex(value(rng, bits)) : value(rng, bits).toString());

/**
 * Fields usable as slices (name, OVS's n_bits, prerequisite context names that satisfy it, writable).
 * NXM names and short names are mixed, as users write both.
 */
interface F {
  readonly names: readonly string[];
  readonly bits: number;
  readonly need?: readonly string[];
  readonly rw: boolean;
}
const IP = ['ip', 'tcp', 'udp', 'ipv6', 'tcp6', 'udp6'];
const IP4 = ['ip', 'tcp', 'udp'];
const IP6 = ['ipv6', 'tcp6', 'udp6'];
const TCP = ['tcp', 'tcp6'];
const UDP = ['udp', 'udp6'];
const FIELDS: readonly F[] = [
  ...Array.from({ length: 16 }, (_, i): F => ({ names: [`reg${i}`, `NXM_NX_REG${i}`], bits: 32, rw: true })),
  ...Array.from({ length: 8 }, (_, i): F => ({ names: [`xreg${i}`, `OXM_OF_PKT_REG${i}`], bits: 64, rw: true })),
  ...Array.from({ length: 4 }, (_, i): F => ({ names: [`xxreg${i}`, `NXM_NX_XXREG${i}`], bits: 128, rw: true })),
  { names: ['metadata', 'OXM_OF_METADATA'], bits: 64, rw: true },
  { names: ['tun_id', 'NXM_NX_TUN_ID'], bits: 64, rw: true },
  { names: ['pkt_mark', 'NXM_NX_PKT_MARK'], bits: 32, rw: true },
  { names: ['eth_src', 'NXM_OF_ETH_SRC'], bits: 48, rw: true },
  { names: ['eth_dst', 'NXM_OF_ETH_DST'], bits: 48, rw: true },
  { names: ['vlan_tci', 'NXM_OF_VLAN_TCI'], bits: 16, rw: true },
  { names: ['eth_type', 'NXM_OF_ETH_TYPE'], bits: 16, rw: false },
  { names: ['in_port', 'NXM_OF_IN_PORT'], bits: 16, rw: true },
  { names: ['ip_src', 'NXM_OF_IP_SRC'], bits: 32, need: IP4, rw: true },
  { names: ['ip_dst', 'NXM_OF_IP_DST'], bits: 32, need: IP4, rw: true },
  { names: ['ipv6_src', 'NXM_NX_IPV6_SRC'], bits: 128, need: IP6, rw: true },
  { names: ['nw_ttl', 'NXM_NX_IP_TTL'], bits: 8, need: IP, rw: true },
  { names: ['nw_ecn', 'NXM_NX_IP_ECN'], bits: 2, need: IP, rw: true },
  { names: ['ip_dscp', 'OXM_OF_IP_DSCP'], bits: 6, need: IP, rw: true },
  { names: ['nw_tos', 'NXM_OF_IP_TOS'], bits: 8, need: IP, rw: true },
  { names: ['nw_proto', 'NXM_OF_IP_PROTO'], bits: 8, need: IP, rw: false },
  { names: ['tcp_src', 'NXM_OF_TCP_SRC'], bits: 16, need: TCP, rw: true },
  { names: ['udp_dst', 'NXM_OF_UDP_DST'], bits: 16, need: UDP, rw: true },
  { names: ['tun_flags', 'NXM_NX_TUN_FLAGS'], bits: 1, rw: true },
  { names: ['vlan_vid', 'OXM_OF_VLAN_VID'], bits: 12, need: ['vlan'], rw: true },
  { names: ['vlan_pcp', 'OXM_OF_VLAN_PCP'], bits: 3, need: ['vlan'], rw: true },
  { names: ['mpls_label', 'OXM_OF_MPLS_LABEL'], bits: 20, need: ['mpls'], rw: true },
  { names: ['mpls_tc', 'OXM_OF_MPLS_TC'], bits: 3, need: ['mpls'], rw: true },
  { names: ['ct_state', 'NXM_NX_CT_STATE'], bits: 32, rw: false },
  { names: ['ct_zone', 'NXM_NX_CT_ZONE'], bits: 16, rw: false },
  { names: ['ct_mark', 'NXM_NX_CT_MARK'], bits: 32, rw: false },
  { names: ['arp_op', 'NXM_OF_ARP_OP'], bits: 16, need: ['arp'], rw: true },
];

/** Match prefixes (with `priority=1,` before them) that the generated actions' prerequisites refer to. */
export const CONTEXTS = ['', 'ip', 'tcp', 'udp', 'ipv6', 'tcp6', 'udp6', 'arp', 'mpls', 'vlan'] as const;
export type Context = (typeof CONTEXTS)[number];
/** The match text for a context (`vlan`: a tagged packet). */
export function contextMatch(c: Context): string {
  return c === 'vlan' ? 'vlan_tci=0x1005/0x1fff' : c;
}

export function randomContext(rng: Rng): Context {
  return pick(rng, CONTEXTS);
}

function field(rng: Rng, ctx: Context, writable: boolean): F {
  for (let i = 0; i < 20; i++) {
    const f = pick(rng, FIELDS);
    if (writable && !f.rw) continue;
    // mostly fields the context allows; one time in 100 anything (OVS must refuse it)
    if (f.need && !f.need.includes(ctx) && !chance(rng, 1)) continue;
    return f;
  }
  return FIELDS[0]!;
}

/** `NAME[]`, `NAME[k]` or `NAME[a..b]` within the field's bits (rarely one past the end). */
function slice(rng: Rng, f: F, nBits?: number): { text: string; n: number } {
  const name = pick(rng, f.names);
  const over = chance(rng, 1) ? 1 : 0;
  if (nBits === undefined && chance(rng, 40)) return { text: `${name}[]`, n: f.bits };
  const n = nBits ?? 1 + below(rng, f.bits);
  if (n > f.bits) return { text: `${name}[0..${n - 1}]`, n };
  const ofs = below(rng, f.bits - n + 1) + over;
  if (n === 1 && chance(rng, 50)) return { text: `${name}[${ofs}]`, n };
  return { text: `${name}[${ofs}..${ofs + n - 1}]`, n };
}

const PORT_NAMES = ['LOCAL', 'IN_PORT', 'NORMAL', 'FLOOD', 'ALL', 'CONTROLLER', 'TABLE'];
function port(rng: Rng, named = true): string {
  const r = below(rng, 6);
  if (named && r === 0) return pick(rng, PORT_NAMES);
  if (r === 1) return String(1 + below(rng, 0xfeff));
  if (r === 2) return String(pick(rng, [0, 1, 0xfeff, 0xfeff, 0xfeff, 0xfff7]));
  return String(1 + below(rng, 100));
}

const MAC = (rng: Rng): string =>
  Array.from({ length: 6 }, () => (rng() & 0xff).toString(16).padStart(2, '0')).join(':');
const IPV4 = (rng: Rng): string => [rng() & 0xff, rng() & 0xff, rng() & 0xff, rng() & 0xff].join('.');
const IPV6 = (rng: Rng): string => Array.from({ length: 8 }, () => (rng() & 0xffff).toString(16)).join(':');
const bytesHex = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => (rng() & 0xff).toString(16).padStart(2, '0')).join('.');

/** set_field values per field, in the syntax ovs-ofctl accepts. */
function setFieldValue(rng: Rng, f: F, name: string): string {
  if (name === 'eth_src' || name === 'eth_dst' || name.endsWith('ETH_SRC') || name.endsWith('ETH_DST')) return MAC(rng);
  if (name === 'ip_src' || name === 'ip_dst' || name.endsWith('IP_SRC') || name.endsWith('IP_DST')) return IPV4(rng);
  if (name.startsWith('ipv6') || name.includes('IPV6')) return IPV6(rng);
  if (name === 'vlan_vid' || name === 'OXM_OF_VLAN_VID') return String(value(rng, 12) | 0x1000n);
  if (name === 'tun_flags' || name === 'NXM_NX_TUN_FLAGS') return pick(rng, ['0', '1', '+oam', '-oam']);
  if (name === 'in_port' || name === 'NXM_OF_IN_PORT') return port(rng, false);
  return num(rng, f.bits);
}

function natArgs(rng: Rng, v6: boolean): string {
  const parts: string[] = [];
  const kind = pick(rng, ['src', 'dst', '']);
  if (kind) {
    let addr = v6 ? `[${IPV6(rng)}]` : IPV4(rng);
    // a reversed range (refused) one time in 20
    if (chance(rng, 40)) addr += '-' + (v6 ? `[${IPV6(rng)}]` : IPV4(rng));
    const m = /^(\[?)(.*?)\]?-\[?(.*?)\]?$/.exec(addr);
    if (m && !chance(rng, 5) && !v6) {
      const key = (x: string): number => x.split('.').reduce((s, o) => s * 256 + Number(o), 0);
      const [lo, hi] = [m[2]!, m[3]!].sort((x, y) => key(x) - key(y));
      addr = `${lo}-${hi}`;
    } else if (m && v6) addr = m[2]! < m[3]! ? addr : `[${m[3]}]-[${m[2]}]`;
    if (chance(rng, 40)) {
      const a = below(rng, 65536);
      addr =
        `${v6 && !addr.startsWith('[') ? `[${addr}]` : addr}:${a}` +
        (chance(rng, 50) ? `-${a + below(rng, 65536 - a)}` : '');
    }
    parts.push(`${kind}=${addr}`);
    for (const w of ['random', 'hash', 'persistent']) if (chance(rng, 15)) parts.push(w);
  }
  return parts.length ? `nat(${parts.join(',')})` : 'nat';
}

function ctAction(rng: Rng, ctx: Context, version: number, depth: number): string {
  const a: string[] = [];
  const commit = chance(rng, 60);
  if (commit) a.push(chance(rng, 20) ? 'commit,force' : 'commit');
  if (chance(rng, 40))
    a.push(chance(rng, 50) ? `zone=${below(rng, 65536)}` : `zone=${slice(rng, FIELDS[below(rng, 16)]!, 16).text}`);
  if (chance(rng, 40)) a.push(`table=${below(rng, 255)}`);
  if (chance(rng, 15)) a.push(TCP.includes(ctx) ? 'alg=ftp' : UDP.includes(ctx) ? 'alg=tftp' : 'alg=ftp');
  if (chance(rng, 30) && depth < 2) {
    const ex = [
      `set_field:${num(rng, 32)}->ct_mark`,
      `load:${num(rng, 16)}->NXM_NX_CT_MARK[0..15]`,
      `set_field:${num(rng, 64)}->ct_label`,
      `set_field:${hex(value(rng, 32))}/${hex(value(rng, 32) | 1n)}->ct_mark`,
    ];
    a.push(`exec(${pick(rng, ex)}${chance(rng, 30) ? ',' + pick(rng, ex) : ''})`);
  }
  if (chance(rng, 35)) a.push(natArgs(rng, IP6.includes(ctx)));
  return a.length ? `ct(${a.join(',')})` : 'ct';
}

function learnAction(rng: Rng): string {
  const a: string[] = [];
  if (chance(rng, 60)) a.push(`table=${below(rng, 255)}`);
  for (const k of ['idle_timeout', 'hard_timeout', 'priority', 'fin_idle_timeout', 'fin_hard_timeout'])
    if (chance(rng, 20)) a.push(`${k}=${below(rng, 65536)}`);
  if (chance(rng, 20)) a.push(`cookie=${hex(value(rng, 64))}`);
  if (chance(rng, 10)) a.push('send_flow_rem');
  if (chance(rng, 10)) a.push('delete_learned');
  if (chance(rng, 10)) a.push(`limit=${below(rng, 100000)}`);
  const specs = 1 + below(rng, 4);
  for (let i = 0; i < specs; i++) {
    switch (below(rng, 7)) {
      case 0:
        a.push('NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[]');
        break;
      case 1:
        a.push(pick(rng, ['NXM_OF_VLAN_TCI[0..11]', 'NXM_NX_REG1[]', 'eth_src', 'NXM_OF_IN_PORT[]']));
        break;
      case 2: {
        const n = 1 + below(rng, 32);
        a.push(`NXM_NX_REG${below(rng, 8)}[0..${n - 1}]=${hex(value(rng, n))}`);
        break;
      }
      case 3:
        a.push(pick(rng, ['eth_type=0x800', 'eth_type=0x86dd', `ip_dst=${IPV4(rng)}`, `eth_src=${MAC(rng)}`]));
        break;
      case 4:
        a.push(
          pick(rng, [
            `load:NXM_NX_REG${below(rng, 16)}[]->NXM_NX_REG${below(rng, 16)}[]`,
            `load:${hex(value(rng, 12))}->NXM_OF_VLAN_TCI[0..11]`,
            `load:${num(rng, 12)}->OXM_OF_VLAN_VID[]`,
            `load:${num(rng, 12)}->NXM_OF_VLAN_TCI[0..11]`,
            `load:NXM_OF_IN_PORT[]->NXM_NX_REG${below(rng, 16)}[0..15]`,
          ]),
        );
        break;
      case 5:
        a.push('output:NXM_OF_IN_PORT[]');
        break;
      default:
        a.push(`NXM_NX_REG${below(rng, 16)}[${below(rng, 32)}]`);
    }
  }
  return `learn(${a.join(',')})`;
}

function sampleAction(rng: Rng): string {
  const a = [
    `probability=${1 + below(rng, 65535)}`,
    `collector_set_id=${value(rng, 32)}`,
    `obs_domain_id=${value(rng, 32)}`,
    `obs_point_id=${value(rng, 32)}`,
  ];
  if (chance(rng, 50)) a.push(`sampling_port=${port(rng, false)}`);
  if (chance(rng, 30)) a.push(pick(rng, ['ingress', 'egress']));
  return `sample(${a.join(',')})`;
}

function controllerAction(rng: Rng): string {
  if (chance(rng, 30)) return chance(rng, 50) ? 'controller' : `controller:${below(rng, 65536)}`;
  const a: string[] = [];
  if (chance(rng, 50)) a.push(`max_len=${below(rng, 65536)}`);
  if (chance(rng, 40))
    a.push(`reason=${pick(rng, ['no_match', 'action', 'invalid_ttl', 'action_set', 'group', 'packet_out'])}`);
  if (chance(rng, 40)) a.push(`id=${below(rng, 65536)}`);
  if (chance(rng, 30)) a.push(`userdata=${bytesHex(rng, 1 + below(rng, 12))}`);
  if (chance(rng, 20)) a.push('pause');
  if (chance(rng, 20)) a.push(`meter_id=${value(rng, 32)}`);
  return `controller(${a.join(',')})`;
}

/** `text` if the context has what the action needs (or, one time in 100, anyway), else a plain output. */
function when(rng: Rng, ctx: Context, ok: readonly string[], text: () => string): string {
  return ok.includes(ctx) || chance(rng, 1) ? text() : `output:${1 + below(rng, 100)}`;
}

function oneAction(rng: Rng, version: number, ctx: Context, depth: number): string {
  switch (below(rng, 46)) {
    case 0:
      return `output:${port(rng)}`;
    case 1:
      return `output(port=${port(rng, false)},max_len=${chance(rng, 3) ? below(rng, 14) : 14 + below(rng, 65522)})`;
    case 2: {
      const s = slice(rng, field(rng, ctx, false));
      return `output:${s.text}`;
    }
    case 3:
      return controllerAction(rng);
    case 4:
      return `enqueue:${port(rng, false)}:${value(rng, 32)}`;
    case 5: {
      const r = below(rng, 4);
      const p = port(rng, false);
      const t = below(rng, 255);
      if (r === 0) return `resubmit:${p}`;
      if (r === 1) return `resubmit(,${t})`;
      if (r === 2) return `resubmit(${p},${t})`;
      // with ct, OVS wants a ct_state=+trk match: refused here, so rare
      return chance(rng, 10) ? `resubmit(${chance(rng, 50) ? p : ''},${t},ct)` : `resubmit(${p},${t})`;
    }
    case 6:
    case 7: {
      const f = field(rng, ctx, true);
      // set_field takes field names only (OVS refuses NXM/OXM names there): those rarely
      const name = chance(rng, 1) ? f.names[1]! : f.names[0]!;
      if (chance(rng, 25) && /reg|metadata|tun_id|pkt_mark/.test(name)) {
        const m = value(rng, f.bits) | 1n;
        return `set_field:${hex(value(rng, f.bits) & m)}/${hex(m)}->${name}`;
      }
      return `set_field:${setFieldValue(rng, f, name)}->${name}`;
    }
    case 8:
    case 9: {
      const s = slice(rng, field(rng, ctx, true));
      return `load:${hex(value(rng, Math.min(s.n, 64)))}->${s.text}`;
    }
    case 10:
    case 11: {
      const dstF = field(rng, ctx, true);
      const dst = slice(rng, dstF);
      const srcF = field(rng, ctx, false);
      const n = Math.min(dst.n, srcF.bits);
      const d2 = dst.n === n ? dst : slice(rng, dstF, n);
      return `move:${slice(rng, srcF, d2.n).text}->${d2.text}`;
    }
    case 12:
      return when(rng, ctx, ['vlan'], () =>
        pick(rng, [`mod_vlan_vid:${below(rng, 4096)}`, `mod_vlan_pcp:${below(rng, 8)}`, 'strip_vlan']),
      );
    case 13:
      // OpenFlow 1.0 has no push_vlan / pop_vlan (OVS: no usable protocol): rarely there
      if (version === 0x01 && !chance(rng, 2)) return 'strip_vlan';
      return ctx === 'vlan' ? 'pop_vlan' : pick(rng, ['push_vlan:0x8100', 'push_vlan:0x88a8']);
    case 14:
      return `${pick(rng, ['mod_dl_src', 'mod_dl_dst'])}:${MAC(rng)}`;
    case 15:
      return when(rng, ctx, IP4, () => `${pick(rng, ['mod_nw_src', 'mod_nw_dst'])}:${IPV4(rng)}`);
    case 16:
      return when(rng, ctx, IP, () =>
        pick(rng, [`mod_nw_tos:${below(rng, 64) * 4}`, `mod_nw_ecn:${below(rng, 4)}`, `mod_nw_ttl:${below(rng, 256)}`]),
      );
    case 17:
      return when(rng, ctx, [...TCP, ...UDP], () => `${pick(rng, ['mod_tp_src', 'mod_tp_dst'])}:${below(rng, 65536)}`);
    case 18:
      return ctx === 'mpls'
        ? pick(rng, ['pop_mpls:0x0800', 'pop_mpls:0x86dd'])
        : pick(rng, ['push_mpls:0x8847', 'push_mpls:0x8848']);
    case 19:
      return when(rng, ctx, ['mpls'], () =>
        pick(rng, [
          `set_mpls_label:${below(rng, 1 << 20)}`,
          `set_mpls_tc:${below(rng, 8)}`,
          `set_mpls_ttl:${below(rng, 256)}`,
          'dec_mpls_ttl',
        ]),
      );
    case 20:
      return when(rng, ctx, IP, () =>
        chance(rng, 60)
          ? 'dec_ttl'
          : `dec_ttl(${Array.from({ length: 1 + below(rng, 4) }, () => below(rng, 65536)).join(',')})`,
      );
    case 21:
      return pick(rng, [`set_queue:${value(rng, 32)}`, 'pop_queue']);
    case 22:
      return `group:${value(rng, 32) % 0xffffff00n}`;
    case 23:
      // meter must come first (OVS: "meter must appear before apply_actions"): see randomActions
      return 'pop_queue';
    case 24:
      return `note:${bytesHex(rng, 1 + below(rng, 20))}`;
    case 25:
      // conjunction goes with nothing but note and conjunction (see randomActions); rarely here
      return chance(rng, 3) ? conjunction(rng) : 'exit';
    case 26:
      if (depth >= 2) return 'exit';
      return `clone(${randomActionList(rng, version, ctx, depth + 1, 3)})`;
    case 27:
    case 28:
      return when(rng, ctx, IP, () => ctAction(rng, ctx, version, depth));
    case 29:
      return 'ct_clear';
    case 30:
      return learnAction(rng);
    case 31:
      return sampleAction(rng);
    case 32: {
      const s = slice(rng, field(rng, ctx, chance(rng, 50)));
      return `${pick(rng, ['push', 'pop'])}:${s.text}`;
    }
    case 33:
      return 'exit';
    case 34:
      return pick(rng, [`set_tunnel:${hex(value(rng, 32))}`, `set_tunnel64:${hex(value(rng, 64))}`]);
    case 35: {
      const a: string[] = [];
      if (chance(rng, 70)) a.push(`idle_timeout=${below(rng, 65536)}`);
      if (chance(rng, 50)) a.push(`hard_timeout=${below(rng, 65536)}`);
      return when(rng, ctx, TCP, () => `fin_timeout(${a.join(',')})`);
    }
    case 36: {
      const f = pick(rng, ['eth_src', 'symmetric_l4', 'symmetric_l3l4', 'symmetric_l3l4+udp', 'nw_src', 'nw_dst']);
      const alg = pick(rng, ['modulo_n', 'hash_threshold', 'hrw', 'iter_hash']);
      const n = 1 + below(rng, 16);
      // n_links (max_link + 1) must fit the destination's bits
      return `multipath(${f},${below(rng, 65536)},${alg},${1 + below(rng, Math.min(1 << n, 65535))},${below(rng, 65536)},NXM_NX_REG${below(rng, 16)}[0..${n - 1}])`;
    }
    case 37: {
      const f = pick(rng, ['eth_src', 'symmetric_l4', 'symmetric_l3l4', 'symmetric_l3l4+udp', 'nw_src', 'nw_dst']);
      const alg = pick(rng, ['active_backup', 'hrw']);
      const members = Array.from({ length: 1 + below(rng, 4) }, () => 1 + below(rng, 0xfeff)).join(',');
      if (chance(rng, 50)) return `bundle(${f},${below(rng, 65536)},${alg},ofport,members:${members})`;
      return `bundle_load(${f},${below(rng, 65536)},${alg},ofport,NXM_NX_REG${below(rng, 16)}[],members:${members})`;
    }
    case 38:
      return `check_pkt_larger(${below(rng, 65536)})->NXM_NX_REG${below(rng, 16)}[${below(rng, 32)}]`;
    case 39:
      return `delete_field:tun_metadata${below(rng, 64)}`;
    case 40:
      return pick(rng, ['in_port', 'local', 'normal', 'flood', 'all']);
    case 41:
      return `output:${0}`;
    case 42:
      return when(rng, ctx, ['vlan'], () => `set_field:${value(rng, 12) | 0x1000n}->vlan_vid`);
    case 43:
      return `resubmit(,${below(rng, 255)})`;
    case 44:
      return String(1 + below(rng, 0xfeff));
    default:
      return `set_field:${hex(value(rng, 32))}->tun_metadata${below(rng, 64)}`;
  }
}

function conjunction(rng: Rng): string {
  const n = 2 + below(rng, 63);
  return `conjunction(${value(rng, 32)},${1 + below(rng, n)}/${n})`;
}

/** Actions one after another; push_mpls / pop_mpls change what the next ones may touch. */
function randomActionList(rng: Rng, version: number, ctx: Context, depth: number, max: number): string {
  const n = 1 + below(rng, max);
  const out: string[] = [];
  let c = ctx;
  for (let i = 0; i < n; i++) {
    const a = oneAction(rng, version, c, depth);
    out.push(a);
    if (a.startsWith('push_mpls')) c = 'mpls';
    else if (a === 'pop_mpls:0x0800') c = 'ip';
    else if (a === 'pop_mpls:0x86dd') c = 'ipv6';
    else if (a === 'strip_vlan' || a === 'pop_vlan') c = c === 'vlan' ? '' : c;
  }
  return out.join(',');
}

/**
 * A random action list as ovs-ofctl action text (without `actions=`), for OpenFlow wire version
 * `version` (0x01–0x06) and a match of context `ctx` (default: none). Instructions
 * (write_actions, goto_table, write_metadata, clear_actions) appear for OpenFlow 1.1+.
 */
export function randomActions(rng: Rng, version: number, ctx: Context = ''): string {
  if (chance(rng, 3)) {
    const c = Array.from({ length: 1 + below(rng, 3) }, () => conjunction(rng));
    if (chance(rng, 30)) c.push(`note:${bytesHex(rng, 1 + below(rng, 8))}`);
    return c.join(',');
  }
  let s = randomActionList(rng, version, ctx, 0, 4);
  // meter exists from OpenFlow 1.3 (refused before: rarely there)
  if (chance(rng, version >= 0x04 ? 4 : 0.5)) s = `meter:${1n + (value(rng, 32) % 0xfffeffffn)},${s}`;
  if (version >= 0x02 && chance(rng, 10)) {
    const extra = pick(rng, [
      `write_actions(${randomActionList(rng, version, ctx, 1, 2)})`,
      `goto_table:${1 + below(rng, 254)}`,
      `write_metadata:${hex(value(rng, 64))}/${hex(value(rng, 64))}`,
      'clear_actions',
    ]);
    s = `${s},${extra}`;
  }
  return s;
}
