/**
 * Writes a Southbound database the size of a large OVN deployment straight into an ovsdb-server
 * standalone file (schema record, then transaction records of at most BATCH rows; see
 * src/server/file.ts for the format), then `ovsdb-tool compact`s it, which reads and checks every
 * row against the schema (types, ranges, enums, references) as ovsdb-server does on start.
 *
 * Shape (defaults; `scale` multiplies every count):
 *   Chassis 1,000 with one geneve Encap each; Datapath_Binding 5,000 (4,500 switches, 500 routers);
 *   Port_Binding 50,000 (10 per datapath, bound to a chassis); Multicast_Group 10,000 (_MC_flood and
 *   _MC_unknown per datapath, the flood group listing the datapath's ports); Logical_Flow 500,000
 *   (100 per datapath over both pipelines and 30 tables, matches and actions shaped like northd's).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { composeLogRecord } from '../../src/server/file.js';

export const SB_SCHEMA = '/usr/share/ovn/ovn-sb.ovsschema';
/** Rows per transaction record (one record would exceed V8's longest string at full size). */
const BATCH = 20_000;

export interface SbSizes {
  chassis: number;
  datapaths: number;
  portsPerDatapath: number;
  flowsPerDatapath: number;
}

export const FULL: SbSizes = { chassis: 1_000, datapaths: 5_000, portsPerDatapath: 10, flowsPerDatapath: 100 };

export function scaled(scale: number): SbSizes {
  return {
    chassis: Math.max(1, Math.round(FULL.chassis * scale)),
    datapaths: Math.max(1, Math.round(FULL.datapaths * scale)),
    portsPerDatapath: FULL.portsPerDatapath,
    flowsPerDatapath: FULL.flowsPerDatapath,
  };
}

/** Row counts by table for `s` (what every client must end up with). */
export function expectedRows(s: SbSizes): Record<string, number> {
  const ports = s.datapaths * s.portsPerDatapath;
  return {
    Chassis: s.chassis,
    Encap: s.chassis,
    Datapath_Binding: s.datapaths,
    Port_Binding: ports,
    Multicast_Group: s.datapaths * 2,
    Logical_Flow: s.datapaths * s.flowsPerDatapath,
  };
}

/**
 * A deterministic UUID per (table tag, index), unique by its last 12 digits. The first 32 bits are mixed
 * from both: ovsdb-server hashes a UUID by its first 32 bits only (lib/uuid.h uuid_hash), so UUIDs that
 * share them — as `tag-0000-…-index` did — put every row of a table in one hash bucket, and reading the
 * file went quadratic (ovsdb-tool compact: 13 s at 50k flows, 78 s at 100k, not done in an hour at 500k).
 * Real UUIDs are random there.
 */
const uuid = (tag: number, i: number): string =>
  `${(Math.imul(i ^ (tag << 27), 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${tag
    .toString(16)
    .padStart(4, '0')}${i.toString(16).padStart(8, '0')}`;
const ref = (tag: number, i: number): ['uuid', string] => ['uuid', uuid(tag, i)];
const T = { encap: 1, chassis: 2, dp: 3, pb: 4, mg: 5, lf: 6 } as const;

const hex2 = (n: number): string => (n & 255).toString(16).padStart(2, '0');
const mac = (i: number): string => `0a:58:${hex2(i >> 24)}:${hex2(i >> 16)}:${hex2(i >> 8)}:${hex2(i)}`;
const ip = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const map = (o: Record<string, string>): unknown => ['map', Object.entries(o)];

function flowRow(d: number, k: number, s: SbSizes): Record<string, unknown> {
  const p = d * s.portsPerDatapath + (k % s.portsPerDatapath);
  const ingress = k % 3 !== 2;
  const table = k % 30;
  const port = `lsp-${p}`;
  const shapes = [
    () => [`inport == "${port}" && eth.src == {${mac(p)}}`, 'next;'],
    () => [`inport == "${port}" && eth.src == ${mac(p)} && ip4.src == {${ip(p)}}`, 'next;'],
    () => [`outport == "${port}" && eth.dst == {${mac(p)}}`, 'output;'],
    () => [
      `ip4.dst == ${ip(p)}/32`,
      `ip.ttl--; reg8[0..15] = 0; reg0 = ${ip(p)}; reg1 = 10.0.0.1; eth.src = ${mac(p)}; outport = "${port}"; flags.loopback = 1; next;`,
    ],
    () => [
      `arp.tpa == ${ip(p)} && arp.op == 1 && inport == "${port}"`,
      `eth.dst = eth.src; eth.src = ${mac(p)}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = ${mac(p)}; arp.tpa = arp.spa; arp.spa = ${ip(p)}; outport = inport; flags.loopback = 1; output;`,
    ],
    () => [
      `ct.est && !ct.rel && !ct.new && !ct.inv && ct.rpl && ct_mark.blocked == 0`,
      'reg0[9] = 0; reg0[10] = 0; next;',
    ],
    () => [
      `reg0[0] == 1 && (ip4 && ip4.dst == ${ip(p)} && tcp && tcp.dst == ${1024 + k})`,
      `reg1 = ${ip(p)}; reg2[0..15] = ${1024 + k}; ct_lb_mark(backends=${ip(p + 1)}:8080,${ip(p + 2)}:8080);`,
    ],
  ];
  const [match, actions] = shapes[k % shapes.length]!();
  return {
    logical_datapath: ref(T.dp, d),
    pipeline: ingress ? 'ingress' : 'egress',
    table_id: table,
    priority: [0, 50, 90, 100, 110, 120, 1000, 65535][k % 8],
    match,
    actions,
    external_ids: map({
      source: `northd.c:${1000 + (k % 9000)}`,
      'stage-name': `${ingress ? 'ls_in' : 'ls_out'}_stage_${table}`,
      'stage-hint': uuid(0xfe, p).slice(0, 8),
    }),
  };
}

/** Writes the database file; returns the row counts written. */
export function generateSb(file: string, s: SbSizes): Record<string, number> {
  const schema = JSON.parse(readFileSync(SB_SCHEMA, 'utf8')) as unknown;
  const fd = openSync(file, 'w');
  const date = Date.now();
  let batch: Record<string, Record<string, unknown>> = {};
  let inBatch = 0;
  const flush = (): void => {
    if (inBatch === 0) return;
    writeSync(fd, composeLogRecord({ ...batch, _date: date, _comment: 'ovn-sdk bench/large-sb' }));
    batch = {};
    inBatch = 0;
  };
  const put = (table: string, id: string, row: Record<string, unknown>): void => {
    (batch[table] ??= {})[id] = row;
    if (++inBatch >= BATCH && table !== 'Encap' && table !== 'Chassis') flush();
  };
  try {
    writeSync(fd, composeLogRecord(schema));
    for (let c = 0; c < s.chassis; c++) {
      put('Encap', uuid(T.encap, c), {
        type: 'geneve',
        ip: ip(0x640000 + c),
        chassis_name: `chassis-${c}`,
        options: map({ csum: 'true' }),
      });
    }
    // Encap is not a root table: its rows must come in the same transaction as the Chassis rows
    // that reference them, or replaying the file garbage-collects them.
    for (let c = 0; c < s.chassis; c++) {
      put('Chassis', uuid(T.chassis, c), {
        name: `chassis-${c}`,
        hostname: `node-${c}.example`,
        encaps: ['set', [ref(T.encap, c)]],
        nb_cfg: 0,
        other_config: map({
          'ovn-bridge-mappings': 'physnet:br-ex',
          'datapath-type': 'system',
          'is-interconn': 'false',
        }),
      });
    }
    flush();
    for (let d = 0; d < s.datapaths; d++) {
      const router = d % 10 === 9;
      put('Datapath_Binding', uuid(T.dp, d), {
        tunnel_key: d + 1,
        external_ids: map(
          router
            ? { 'logical-router': uuid(0xfd, d), name: `lr-${d}` }
            : { 'logical-switch': uuid(0xfc, d), name: `ls-${d}` },
        ),
      });
    }
    flush();
    for (let d = 0; d < s.datapaths; d++) {
      for (let j = 0; j < s.portsPerDatapath; j++) {
        const p = d * s.portsPerDatapath + j;
        put('Port_Binding', uuid(T.pb, p), {
          logical_port: `lsp-${p}`,
          datapath: ref(T.dp, d),
          tunnel_key: j + 1,
          mac: ['set', [`${mac(p)} ${ip(p)}`]],
          chassis: ref(T.chassis, p % s.chassis),
          up: true,
          external_ids: map({ pod: 'true', ls: `ls-${d}`, vendor: 'kube-ovn' }),
        });
      }
    }
    flush(); // Multicast_Group.ports references Port_Binding
    for (let d = 0; d < s.datapaths; d++) {
      const ports: unknown[] = [];
      for (let j = 0; j < s.portsPerDatapath; j++) ports.push(ref(T.pb, d * s.portsPerDatapath + j));
      put('Multicast_Group', uuid(T.mg, 2 * d), {
        datapath: ref(T.dp, d),
        name: '_MC_flood',
        tunnel_key: 32768,
        ports: ['set', ports],
      });
      put('Multicast_Group', uuid(T.mg, 2 * d + 1), {
        datapath: ref(T.dp, d),
        name: '_MC_unknown',
        tunnel_key: 32769,
        ports: ['set', []],
      });
    }
    flush();
    for (let d = 0; d < s.datapaths; d++) {
      for (let k = 0; k < s.flowsPerDatapath; k++)
        put('Logical_Flow', uuid(T.lf, d * s.flowsPerDatapath + k), flowRow(d, k, s));
    }
    flush();
  } finally {
    closeSync(fd);
  }
  // Reads every record back through ovsdb-server's own code and rewrites it as one snapshot.
  if (!process.env.NO_COMPACT) execFileSync('ovsdb-tool', ['compact', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  return expectedRows(s);
}
