/**
 * A real datapath: ovs-vswitchd (userspace / netdev) in a network namespace of our own, with a
 * `geneve` tunnel port (options:key=flow), OVN's TLV map {class=0x102,type=0x80,len=4}->tun_metadata0,
 * and packet-outs whose actions set tun_metadata0 and tun_id. dumpcap captures the underlay veth;
 * this library reads the pcapng and decodes the frames.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decapsulate,
  explainGeneve,
  findOvnMetadata,
  logicalNamesFromRows,
  readCapture,
  summarizeGeneve,
  type GeneveFrame,
} from '../../../src/geneve/index.js';
import { createNetns, deleteNetns, killPid, run, startVswitchd, type Vswitchd } from '../../../src/testing/vswitchd.js';

const ns = `gnv-${process.pid}`;
let sw: Vswitchd | undefined;
let dumpcap: ChildProcess | undefined;

// Inner frame: Ethernet + IPv4 ICMP echo request 10.16.0.8 > 10.16.0.12 (checksums not needed by OVS).
const INNER =
  '0000000000020000000000010800' +
  '45000054000140004001000a0a1000080a10000c' +
  '0800f7ff000700010102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30313233343536373839';

const SENT = [
  { port: 10, meta: 0x00020004, vni: 3, csum: false },
  { port: 11, meta: 0x7fff8001, vni: 0xabcdef, csum: true },
  { port: 10, meta: 0x00050000, vni: 0xffffff, csum: false },
] as const;

let frames: GeneveFrame[] = [];

beforeAll(async () => {
  await createNetns(ns);
  try {
    sw = await startVswitchd({ netns: ns });
    const x = (c: string, a: string[]): Promise<string> => run(c, a, { netns: ns });
    await x('ip', ['link', 'add', 'gv0', 'type', 'veth', 'peer', 'name', 'gv1']);
    await x('ip', ['link', 'set', 'gv0', 'up']);
    await x('ip', ['link', 'set', 'gv1', 'up']);
    const peerMac = (await x('cat', ['/sys/class/net/gv1/address'])).trim();
    // Underlay: a netdev bridge carrying the local tunnel IP, its port the veth (OVS "userspace tunneling").
    await sw.vsctl(
      'add-br',
      'br-phy',
      '--',
      'set',
      'bridge',
      'br-phy',
      'datapath_type=netdev',
      '--',
      'add-port',
      'br-phy',
      'gv0',
    );
    await x('ip', ['addr', 'add', '172.31.0.1/24', 'dev', 'br-phy']);
    await x('ip', ['link', 'set', 'br-phy', 'up']);
    await sw.vsctl(
      'add-br',
      'br-int',
      '--',
      'set',
      'bridge',
      'br-int',
      'datapath_type=netdev',
      'fail-mode=secure',
      '--',
      'add-port',
      'br-int',
      'gnv0',
      '--',
      'set',
      'interface',
      'gnv0',
      'type=geneve',
      'options:remote_ip=172.31.0.2',
      'options:key=flow',
      'ofport_request=10',
      '--',
      'add-port',
      'br-int',
      'gnv1',
      '--',
      'set',
      'interface',
      'gnv1',
      'type=geneve',
      'options:remote_ip=172.31.0.3',
      'options:key=flow',
      'options:csum=true',
      'ofport_request=11',
    );
    await sw.appctl('ovs/route/add', '172.31.0.0/24', 'br-phy');
    await sw.appctl('tnl/arp/set', 'br-phy', '172.31.0.2', peerMac);
    await sw.appctl('tnl/arp/set', 'br-phy', '172.31.0.3', peerMac);
    await sw.ofctl('add-tlv-map', 'br-int', '{class=0x102,type=0x80,len=4}->tun_metadata0');

    const cap = `${sw.dir}/underlay.pcapng`;
    dumpcap = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        'dumpcap',
        '-q',
        '-i',
        'gv1',
        '-f',
        'udp port 6081',
        '-c',
        String(SENT.length),
        '-a',
        'duration:20',
        '-w',
        cap,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const exited = new Promise<void>((r) => dumpcap!.on('exit', () => r()));
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const t = setTimeout(() => reject(new Error(`dumpcap did not start: ${err}`)), 15000);
      dumpcap!.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('Capturing on')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    for (const s of SENT) {
      await sw.ofctl(
        '-O',
        'OpenFlow13',
        'packet-out',
        'br-int',
        `in_port=controller packet=${INNER} actions=set_field:0x${s.meta.toString(16)}->tun_metadata0,set_field:${s.vni}->tun_id,output:${s.port}`,
      );
    }
    await exited;
    frames = [];
    for await (const rec of readCapture(createReadStream(cap)))
      frames.push(decapsulate(rec.data, { linkType: rec.linkType }));
  } catch (e) {
    const log = sw ? await sw.log() : '';
    throw new Error(`datapath setup failed: ${String(e)}\n${log.split('\n').slice(-20).join('\n')}`, { cause: e });
  }
}, 60_000);

afterAll(async () => {
  if (dumpcap?.pid !== undefined) await killPid(dumpcap.pid);
  await sw?.stop();
  await deleteNetns(ns);
});

describe('OVS userspace datapath emits GENEVE with OVN option; we decode it', () => {
  it('captured one frame per packet-out, in order', () => {
    expect(frames.length).toBe(SENT.length);
  });
  it('VNI = tun_id, OVN option = tun_metadata0, C set, strict decode passes', () => {
    frames.forEach((f, i) => {
      const s = SENT[i]!;
      expect(f.geneve.vni).toBe(s.vni);
      expect(f.geneve.version).toBe(0);
      expect(f.geneve.critical).toBe(true);
      expect(f.geneve.optLen).toBe(2);
      expect(f.geneve.protocolType).toBe(0x6558);
      expect(f.geneve.options).toHaveLength(1);
      expect(f.geneve.options[0]).toMatchObject({ optionClass: 0x0102, type: 0x80, rsvd: 0 });
      const m = findOvnMetadata(f.geneve)!;
      expect(m.ingressPort).toBe((s.meta >>> 16) & 0x7fff);
      expect(m.egressPort).toBe(s.meta & 0xffff);
      expect(m.multicast).toBe((s.meta & 0xffff) >= 0x8000);
      expect(Buffer.from(f.inner).toString('hex')).toBe(INNER);
      expect(f.geneve.warnings).toEqual([]);
    });
  });
  it('outer headers: 172.31.0.1 → remote_ip, UDP 6081, checksum only where options:csum=true', () => {
    frames.forEach((f, i) => {
      const s = SENT[i]!;
      expect(f.ip.version).toBe(4);
      expect([...f.ip.src].join('.')).toBe('172.31.0.1');
      expect([...f.ip.dst].join('.')).toBe(s.port === 10 ? '172.31.0.2' : '172.31.0.3');
      if (f.ip.version === 4) expect(f.ip.checksumValid).toBe(true);
      expect(f.udp.dstPort).toBe(6081);
      expect(f.udp.checksumStatus).toBe(s.csum ? 'good' : 'none');
    });
  });
  it('summarizes and explains the frames', () => {
    expect(summarizeGeneve(frames[0]!.geneve)).toBe(
      'Geneve, Flags [C], vni 0x3, options [8 bytes]: IP 10.16.0.8 > 10.16.0.12: ICMP echo request, id 7, seq 1, length 64',
    );
    const names = logicalNamesFromRows(
      [{ tunnel_key: 3, name: 'ovn-default' }],
      [
        { datapath_key: 3, tunnel_key: 2, logical_port: 'ovn-default-node1-pod1.default' },
        { datapath_key: 3, tunnel_key: 4, logical_port: 'ovn-default-node2-pod3.default' },
      ],
    );
    expect(explainGeneve(frames[0]!.geneve, names).text).toBe(
      'ovn-default: ovn-default-node1-pod1.default → ovn-default-node2-pod3.default ICMP echo request 10.16.0.8 > 10.16.0.12',
    );
  });
});
