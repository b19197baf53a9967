/**
 * The ovs-ofctl text of encap() / decap() arguments (what is between the outer parentheses),
 * to the typed specs of openflow/actions/encap.ts.
 */
import { ENCAP_HEADERS } from '../actions/encap.js';
import type { DecapSpec, EncapHeader, EncapSpec, NshTlv } from '../actions/encap.js';
import { bigIntToBytes } from '../match/text-values.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop } from './lexer.js';
import { parseNum } from './values.js';

const bad = (msg: string, pos: number): never => {
  throw new FlowParseError('OF_TEXT_BAD_VALUE', msg, pos);
};

/**
 * Parses `encap(...)` / `decap(...)` arguments as ovs-ofctl does: `ethernet`, `mpls`, `mpls_mc`,
 * `nsh`, `nsh(md_type=1|2,tlv(class,type,0xHEX)…)`; `decap()` or `decap(packet_type(ns=N,type=T))`
 * with a namespace 0–4.
 * @example parseEncap('encap', 'nsh(md_type=1)') // { kind: 'encap', header: 'nsh', mdType: 1 }
 * @throws FlowParseError OF_TEXT_BAD_VALUE / OF_TEXT_BAD_WIDTH / OF_TEXT_SYNTAX with the position in the text
 */
export function parseEncap(name: 'encap' | 'decap', args: string, pos = 0): EncapSpec | DecapSpec {
  const a = args.trim();
  if (name === 'decap') {
    if (a === '') return { kind: 'decap' };
    const m = /^packet_type\((.*)\)$/s.exec(a);
    if (!m) return bad(`decap: expected packet_type(ns=…,type=…), got ${JSON.stringify(a)}`, pos);
    let ns: number | undefined;
    let type: number | undefined;
    for (const p of splitTop(m[1]!, pos + 'packet_type('.length, false)) {
      const kv = keyValue(p, '=');
      if (kv.key === 'ns') {
        ns = parseNum(kv.value ?? '', 16, kv.valuePos, 'decap ns');
        // ovs-ofctl takes the namespaces OpenFlow 1.5 defines (OFPHTN_ONF … OFPHTN_IPV4_OPTION)
        if (ns > 4) bad(`decap: packet type namespace ${ns} is not supported (0..4)`, kv.valuePos);
      } else if (kv.key === 'type') type = parseNum(kv.value ?? '', 16, kv.valuePos, 'decap type');
      else bad(`decap: unknown packet_type argument ${JSON.stringify(kv.key)}`, p.pos);
    }
    if (ns === undefined || type === undefined) return bad('decap: packet_type needs ns and type', pos);
    return { kind: 'decap', packetType: { ns, type } };
  }
  const m = /^([a-z_]+)\s*(?:\((.*)\))?$/s.exec(a);
  if (!m) return bad(`encap: cannot parse ${JSON.stringify(a)}`, pos);
  const header = m[1] as EncapHeader;
  if (!(header in ENCAP_HEADERS))
    return bad(`encap: unknown header ${JSON.stringify(m[1])} (ethernet, nsh, mpls, mpls_mc)`, pos);
  const body = (m[2] ?? '').trim();
  if (!body) return { kind: 'encap', header };
  if (header !== 'nsh') return bad(`encap(${header}) takes no properties`, pos);
  let mdType: number | undefined;
  const tlvs: NshTlv[] = [];
  const base = pos + a.indexOf('(') + 1;
  for (const p of splitTop(m[2]!, base, false)) {
    const kv = keyValue(p, '=');
    if (kv.key === 'md_type' && !kv.paren) {
      mdType = parseNum(kv.value ?? '', 8, kv.valuePos, 'md_type');
      if (mdType !== 1 && mdType !== 2) bad(`encap(nsh): md_type ${mdType}, want 1 or 2`, kv.valuePos);
    } else if (kv.key === 'tlv' && kv.paren) {
      const parts = splitTop(kv.value ?? '', kv.valuePos, false);
      if (parts.length !== 3) bad(`encap(nsh): tlv(class,type,value) takes 3 arguments`, p.pos);
      const [cls, type, value] = parts as [(typeof parts)[0], (typeof parts)[0], (typeof parts)[0]];
      const digits = value.text.replace(/^0x/i, '');
      if (!/^[0-9a-f]+$/i.test(digits)) bad(`tlv value: ${JSON.stringify(value.text)} is not hex`, value.pos);
      const len = Math.ceil(digits.length / 2);
      if (len > 255) bad('encap(nsh): tlv value over 255 bytes', value.pos);
      tlvs.push({
        tlvClass: parseNum(cls.text, 16, cls.pos, 'tlv class'),
        tlvType: parseNum(type.text, 8, type.pos, 'tlv type'),
        value: bigIntToBytes(BigInt(`0x${digits}`), len),
      });
    } else {
      bad(`encap(nsh): unknown property ${JSON.stringify(p.text)}`, p.pos);
    }
  }
  const spec: { -readonly [K in keyof EncapSpec]: EncapSpec[K] } = { kind: 'encap', header };
  if (mdType !== undefined) spec.mdType = mdType;
  if (tlvs.length) spec.tlvs = tlvs;
  return spec;
}
