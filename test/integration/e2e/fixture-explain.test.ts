/**
 * The kept underlay capture of the end-to-end scenario (test/fixtures/e2e/, written by
 * scenario.test.ts with E2E_WRITE_FIXTURE=1), re-explained without any daemon: the SDK's GENEVE codec
 * and the SB names saved next to it give exactly the kept text, and tshark — an independent decoder —
 * agrees on every frame's VNI, OVN option (class 0x0102, type 0x80, ingress/egress keys) and inner
 * addresses. A pure unit test apart from running tshark on a file.
 */
import { expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  logicalNamesFromRows,
  type DatapathRow,
  type MulticastGroupRow,
  type PortRow,
} from '../../../src/geneve/index.js';
import { explainTunnelCapture, renderTunnelLines } from '../../../src/testing/e2e-explain.js';

const dir = join(import.meta.dirname, '../../fixtures/e2e');
const pcap = join(dir, 'underlay.pcap');
const sb = JSON.parse(readFileSync(join(dir, 'sb-names.json'), 'utf8')) as {
  datapaths: DatapathRow[];
  ports: PortRow[];
  multicastGroups: MulticastGroupRow[];
};
const names = logicalNamesFromRows(sb.datapaths, sb.ports, sb.multicastGroups);

test('the kept capture re-explains to the kept text', () => {
  const lines = explainTunnelCapture(readFileSync(pcap), names);
  expect(lines.length).toBe(9);
  expect(renderTunnelLines(lines)).toBe(readFileSync(join(dir, 'underlay.txt'), 'utf8'));
  // Every frame is named completely: datapath, ingress and egress port.
  for (const l of lines) {
    expect(l.explained.datapath).toBeDefined();
    expect(l.explained.ingress).toBeDefined();
    expect(l.explained.egress).toBeDefined();
  }
});

test('tshark agrees on VNI, the OVN option and the inner addresses of every frame', () => {
  const lines = explainTunnelCapture(readFileSync(pcap), names);
  const out = execFileSync(
    'tshark',
    [
      '-n',
      '-r',
      pcap,
      '-T',
      'fields',
      '-E',
      'separator=|',
      '-E',
      'occurrence=a',
      '-E',
      'aggregator=,',
      '-e',
      'geneve.vni',
      '-e',
      'geneve.option.class',
      '-e',
      'geneve.option.type',
      '-e',
      'geneve.option.unknown.data',
      '-e',
      'ip.src',
      '-e',
      'ip.dst',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 },
  )
    .trim()
    .split('\n');
  expect(out.length).toBe(lines.length);
  out.forEach((row, i) => {
    const [vni, cls, type, data, srcs, dsts] = row.split('|');
    const l = lines[i]!;
    const md = l.explained.metadata!;
    expect(Number(vni)).toBe(l.explained.vni);
    expect(Number(cls)).toBe(0x0102);
    expect(Number(type)).toBe(0x80);
    // OVN's option: 1 reserved bit, 15-bit ingress key, 16-bit egress key.
    expect(data!.replace(/:/g, '')).toBe(
      (((md.ingressPort << 16) | md.egressPort) >>> 0).toString(16).padStart(8, '0'),
    );
    // ip.src/ip.dst occur twice: outer, then inner.
    const inner = l.explained.what.match(/(\d+\.\d+\.\d+\.\d+)(?::\d+)? > (\d+\.\d+\.\d+\.\d+)/)!;
    expect(srcs!.split(',')[1]).toBe(inner[1]);
    expect(dsts!.split(',')[1]).toBe(inner[2]);
  });
});
