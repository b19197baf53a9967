/**
 * Argument parsers of the compound actions in flow text: nat(...) inside ct, learn(...) with its
 * flow specs, and controller(...) (which chooses between NXAST_CONTROLLER and NXAST_CONTROLLER2).
 */
import { fieldNBits } from '../match/widths.js';
import type { Action, FieldSlice, LearnSpec, NatSpec } from '../actions/types.js';
import { PACKET_IN_REASONS } from '../actions/constants.js';
import { fieldByName } from '../match/fields.js';
import { bigIntToBytes } from '../match/text-values.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop } from './lexer.js';
import { lookupField, parseSlice } from './slice.js';
import { parseFieldValue, parseIpv4, parseIpv6, parseNum, parseUint } from './values.js';

/** The argument of ct's nat: `src=10.0.0.1-10.0.0.9:1000-2000,persistent`, `dst=[fe80::1]:80`, or none. */
export function parseNatSpec(text: string | undefined, pos: number): NatSpec & { type: 'nat' } {
  if (text === undefined) return { type: 'nat', flags: [] };
  const parts = splitTop(text, pos, false);
  let kind: 'src' | 'dst' | undefined;
  const flags: ('persistent' | 'hash' | 'random')[] = [];
  const o: { ipMin?: string; ipMax?: string; protoMin?: number; protoMax?: number } = {};
  for (const p of parts) {
    const kv = keyValue(p, '=');
    if (kv.key === 'src' || kv.key === 'dst') {
      kind = kv.key;
      if (kv.value !== undefined) {
        let v = kv.value;
        // [v6]-[v6]:ports, v4-v4:ports, v6-v6, v4:ports
        let ports: string | undefined;
        const br = /^\[([^\]]+)\](?:-\[([^\]]+)\])?(?::(.*))?$/.exec(v);
        let lo: string;
        let hi: string | undefined;
        if (br) {
          lo = br[1]!;
          hi = br[2];
          ports = br[3];
        } else if (v.includes('.')) {
          const c = v.indexOf(':');
          if (c >= 0) {
            ports = v.slice(c + 1);
            v = v.slice(0, c);
          }
          [lo, hi] = v.split('-') as [string, string | undefined];
        } else {
          [lo, hi] = v.split('-') as [string, string | undefined];
        }
        const six = lo.includes(':');
        const check = (x: string): Uint8Array => (six ? parseIpv6(x, kv.valuePos) : parseIpv4(x, kv.valuePos));
        const loB = check(lo);
        o.ipMin = lo;
        if (hi !== undefined) {
          // OVS str_to_nat_range: "invalid nat range" when the range is reversed
          if (Buffer.compare(Buffer.from(loB), Buffer.from(check(hi))) > 0)
            throw new FlowParseError('OF_TEXT_BAD_VALUE', `invalid nat range ${JSON.stringify(kv.value)}`, kv.valuePos);
          o.ipMax = hi;
        }
        if (ports !== undefined) {
          const [a, c] = ports.split('-');
          o.protoMin = parseNum(a!, 16, kv.valuePos, 'nat port');
          if (c !== undefined) o.protoMax = parseNum(c, 16, kv.valuePos, 'nat port');
          if (o.protoMax !== undefined && o.protoMax < o.protoMin)
            throw new FlowParseError('OF_TEXT_BAD_VALUE', `invalid nat range ${JSON.stringify(kv.value)}`, kv.valuePos);
        }
      }
    } else if (kv.key === 'persistent' || kv.key === 'hash' || kv.key === 'random') {
      flags.push(kv.key);
    } else {
      throw new FlowParseError('OF_TEXT_SYNTAX', `nat: unknown argument ${JSON.stringify(kv.key)}`, p.pos);
    }
  }
  if (flags.includes('hash') && flags.includes('random'))
    throw new FlowParseError('OF_TEXT_BAD_VALUE', 'nat: both "hash" and "random" are not allowed', pos);
  const order = ['persistent', 'hash', 'random'] as const;
  return { type: 'nat', ...(kind ? { kind } : {}), ...o, flags: order.filter((x) => flags.includes(x)) };
}

/** A learn spec's immediate source for `dst`, as a field value or a number, in 16-bit units. */
function immBytes(dst: FieldSlice, text: string, pos: number): Uint8Array {
  const n = 2 * Math.ceil(dst.nBits / 16);
  const def = fieldByName(dst.field)!;
  if (dst.ofs === 0 && dst.nBits === fieldNBits(def) && !/^(0x)?[0-9a-fA-F]+$/.test(text)) {
    const v = parseFieldValue(def, text, pos).value;
    const out = new Uint8Array(n);
    out.set(v, n - v.length);
    return out;
  }
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) {
    const v = parseFieldValue(def, text, pos).value;
    const out = new Uint8Array(n);
    out.set(v.subarray(Math.max(0, v.length - n)), Math.max(0, n - v.length));
    return out;
  }
  return bigIntToBytes(parseUint(text, dst.nBits, pos, 'learn'), n);
}

/** learn(table=…,idle_timeout=…,NXM_OF_VLAN_TCI[0..11],load:…->…,output:…) into an NXAST_LEARN(2). */
export function parseLearn(text: string, pos: number): Action {
  let table = 1;
  let idleTimeout = 0,
    hardTimeout = 0,
    finIdleTimeout = 0,
    finHardTimeout = 0,
    priority = 0x8000,
    flags = 0;
  let cookie = 0n;
  let limit: number | undefined;
  let resultDst: FieldSlice | undefined;
  const specs: LearnSpec[] = [];
  for (const p of splitTop(text, pos, false)) {
    const t = p.text;
    if (t.startsWith('load:')) {
      const body = t.slice(5);
      const arrow = body.indexOf('->');
      if (arrow < 0) throw new FlowParseError('OF_TEXT_SYNTAX', 'learn load: missing ->', p.pos);
      const dst = parseSlice(body.slice(arrow + 2), p.pos + 5 + arrow + 2);
      const srcText = body.slice(0, arrow);
      const src =
        /^[A-Za-z_]/.test(srcText) && lookupField(srcText.replace(/\[.*$/, ''))
          ? parseSlice(srcText, p.pos + 5)
          : immBytes(dst, srcText, p.pos + 5);
      specs.push({ kind: 'load', dst, src });
      continue;
    }
    if (t.startsWith('output:')) {
      specs.push({ kind: 'output', src: parseSlice(t.slice(7), p.pos + 7) });
      continue;
    }
    const kv = keyValue(p, '=');
    const v = kv.value;
    switch (kv.key) {
      case 'table':
        table = parseNum(v ?? '', 8, kv.valuePos, 'table');
        continue;
      case 'idle_timeout':
        idleTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'hard_timeout':
        hardTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'fin_idle_timeout':
        finIdleTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'fin_hard_timeout':
        finHardTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'priority':
        priority = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'cookie':
        cookie = parseUint(v ?? '', 64, kv.valuePos, kv.key);
        continue;
      case 'limit':
        limit = parseNum(v ?? '', 32, kv.valuePos, kv.key);
        continue;
      case 'result_dst':
        resultDst = parseSlice(v ?? '', kv.valuePos);
        continue;
      case 'send_flow_rem':
        flags |= 1;
        continue;
      case 'delete_learned':
        flags |= 2;
        continue;
      default:
        break;
    }
    const dst = parseSlice(kv.key, p.pos);
    if (v === undefined) {
      specs.push({ kind: 'match', dst, src: dst });
    } else if (/^[A-Za-z_]/.test(v) && lookupField(v.replace(/\[.*$/, ''))) {
      const src = parseSlice(v, kv.valuePos);
      if (src.nBits !== dst.nBits)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `learn: ${kv.key} and ${v} differ in width`, p.pos);
      specs.push({ kind: 'match', dst, src });
    } else {
      specs.push({ kind: 'match', dst, src: immBytes(dst, v, kv.valuePos) });
    }
  }
  return {
    type: 'learn',
    idleTimeout,
    hardTimeout,
    priority,
    cookie,
    flags,
    table,
    finIdleTimeout,
    finHardTimeout,
    specs,
    ...(limit !== undefined ? { limit } : {}),
    ...(resultDst ? { resultDst } : {}),
  };
}

/** controller(max_len=…,id=…,reason=…,userdata=…,pause,meter_id=…). */
export function parseController(text: string | undefined, pos: number): Action {
  const o: { maxLen?: number; id?: number; reason?: number; userdata?: Uint8Array; pause?: boolean; meterId?: number } =
    {};
  for (const p of splitTop(text ?? '', pos, false)) {
    const kv = keyValue(p, '=');
    const v = kv.value ?? '';
    switch (kv.key) {
      case 'max_len':
        o.maxLen = parseNum(v, 16, kv.valuePos, 'max_len');
        break;
      case 'id':
        o.id = parseNum(v, 16, kv.valuePos, 'id');
        break;
      case 'reason': {
        const i = (PACKET_IN_REASONS as readonly string[]).indexOf(v);
        if (i < 0)
          throw new FlowParseError('OF_TEXT_BAD_VALUE', `unknown controller reason ${JSON.stringify(v)}`, kv.valuePos);
        o.reason = i;
        break;
      }
      case 'userdata':
        o.userdata = Uint8Array.from(
          v
            .split('.')
            .filter(Boolean)
            .map((x) => parseInt(x, 16)),
        );
        break;
      case 'pause':
        o.pause = true;
        break;
      case 'meter_id':
        o.meterId = parseNum(v, 32, kv.valuePos, 'meter_id');
        break;
      default:
        throw new FlowParseError('OF_TEXT_SYNTAX', `controller: unknown argument ${JSON.stringify(kv.key)}`, p.pos);
    }
  }
  // OVS parse_CONTROLLER / encode_CONTROLLER: meter_id 0 is "no meter" (NX_CTLR_NO_METER in OVS 3.1); with no userdata, pause or
  // meter, reason=action and id 0 it is a plain output to CONTROLLER, else NXAST_CONTROLLER; otherwise
  // NXAST_CONTROLLER2 carries only the properties that differ from their defaults
  const maxLen = o.maxLen ?? 0xffff;
  const id = o.id ?? 0;
  const reason = o.reason ?? 1;
  const meter = o.meterId !== undefined && o.meterId !== 0;
  if (o.userdata || o.pause || meter)
    return {
      type: 'controller2',
      ...(maxLen !== 0xffff ? { maxLen } : {}),
      ...(id !== 0 ? { id } : {}),
      ...(reason !== 1 ? { reason } : {}),
      ...(o.userdata ? { userdata: o.userdata } : {}),
      ...(o.pause ? { pause: true } : {}),
      ...(meter ? { meterId: o.meterId } : {}),
    };
  if (reason === 1 && id === 0) return { type: 'output', port: 0xfffffffd, maxLen };
  return { type: 'controller', maxLen, id, reason };
}
