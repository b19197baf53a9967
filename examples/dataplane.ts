/**
 * `npm run demo -- --dataplane` (or `npx tsx examples/dataplane.ts`): the seed's three pod scenarios on a
 * real two-node OVN data plane on this machine, configured through the SDK.
 *
 * Needs root and the Debian packages openvswitch-switch, ovn-central, ovn-host, tshark, iproute2,
 * ethtool, iputils-ping, ipset, iptables. It starts NB + SB + ovn-northd, two nodes (network namespaces
 * with their own ovsdb-server, ovs-vswitchd and ovn-controller, joined by a veth underlay), reconciles the
 * Kube-OVN model (VPC ovn-cluster; subnets join, ovn-default, subnet1 in ns1 with natOutgoing; four pods),
 * then checks: pod → pod on one node, pod → pod across nodes over GENEVE, and pod → outside through
 * node1's NAT (the outside host sees node1's address). While the pods talk it captures the underlay and
 * prints a few tunnel frames explained with SB names, then dumps node1's br-int flows with the SDK's
 * OpenFlow client. Everything it created is removed at the end, also on failure or Ctrl-C.
 * All traffic stays inside the namespaces it creates; every ping and capture is bounded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  OUTSIDE,
  ping,
  startBackground,
  startE2eScenario,
  startTshark,
  stopTshark,
  type Background,
  type E2eScenario,
} from '../src/testing/e2e-scenario.js';
import { explainTunnelCapture } from '../src/testing/e2e-explain.js';
import { openBrInt } from '../src/testing/e2e-openflow.js';
import { logicalNamesFromSb } from 'ovn-sdk/ovn-sb';
import { natOutgoingRuleLines } from 'ovn-sdk/kube';

const NEEDED = [
  'ovsdb-server',
  'ovs-vswitchd',
  'ovn-northd',
  'ovn-controller',
  'tshark',
  'ip',
  'ethtool',
  'ping',
  'ipset',
  'iptables',
];

function preflight(): string | undefined {
  if (process.getuid?.() !== 0) return 'the data-plane demo needs root (network namespaces, veths, iptables)';
  const missing = NEEDED.filter((b) => {
    try {
      execFileSync('sh', ['-c', `command -v ${b}`], {
        stdio: 'ignore',
        env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` },
      });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length)
    return `missing programs: ${missing.join(', ')} (apt-get install openvswitch-switch ovn-central ovn-host tshark iproute2 ethtool iputils-ping ipset iptables)`;
  return undefined;
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const why = preflight();
  if (why) {
    console.error(`dataplane demo: ${why}`);
    process.exitCode = 2;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), `dataplane-${process.pid}-`));
  let s: E2eScenario | undefined;
  let cap: Background | undefined;
  let failed = 0;
  const stopAll = async () => {
    await cap?.stop('SIGINT');
    await s?.stop();
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log('Starting central (NB, SB, ovn-northd), node1 and node2, and reconciling the kube model…');
    s = await startE2eScenario({ log: (l) => console.log(`  ${l}`) });
    console.log('\n$ kubectl get ips');
    for (const r of s.reconciled.ipam.records)
      console.log(`  ${r.name.padEnd(32)} ${r.ip.padEnd(12)} ${r.mac}  ${r.node.padEnd(6)} ${r.subnet}`);

    const pcap = join(work, 'underlay.pcap');
    cap = await startTshark(s.topo.underlay.netns, s.topo.underlay.bridge, 'udp port 6081', pcap, 500, 30);

    const p1 = s.pod('ovn-default-node1-pod1');
    const p2 = s.pod('ovn-default-node1-pod2');
    const p3 = s.pod('ovn-default-node2-pod3');
    const q1 = s.pod('subnet1-node1-pod1');
    const check = async (label: string, netns: string, to: string) => {
      await ping(netns, to, 1); // warm the tunnel / ARP
      const r = await ping(netns, to, 3);
      if (r.received !== 3) failed++;
      console.log(`  ${mark(r.received === 3)}  ${label.padEnd(66)} ${r.received}/3 replies`);
    };
    console.log('\nChecks');
    await check(`1. same node: ${p1.name} → ${p2.name}`, p1.netns, p2.ip);
    await check(`2. across nodes (GENEVE): ${p1.name} → ${p3.name}`, p1.netns, p3.ip);
    await check(`   routed: ${q1.name} → ${p3.name}`, q1.netns, p3.ip);
    await check(`   gateway: ${p1.name} → 10.16.0.1`, p1.netns, '10.16.0.1');
    await check(`   node over join: node2 → ${p1.name}`, s.topo.node('node2').netns, p1.ip);

    // 3. Egress through node1's NAT, seen from the outside host.
    console.log(
      `\n  node1 nat table (rendered by the kube model):\n${natOutgoingRuleLines(s.natPlan)
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
    for (const pod of [q1, p1]) {
      await ping(pod.netns, OUTSIDE.hostIp, 1);
      const seen = await startBackground(
        s.outsideNetns,
        'tshark',
        [
          '-n',
          '-l',
          '-i',
          OUTSIDE.hostIf,
          '-f',
          `icmp and dst host ${OUTSIDE.hostIp}`,
          '-T',
          'fields',
          '-e',
          'ip.src',
          '-c',
          '3',
          '-a',
          'duration:10',
        ],
        /Capturing on/,
      );
      const r = await ping(pod.netns, OUTSIDE.hostIp, 3);
      await Promise.race([seen.exited, new Promise((res) => setTimeout(res, 3000))]);
      await seen.stop('SIGINT');
      const sources = [
        ...new Set(
          seen
            .stdout()
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ];
      const nat = pod.record.subnet === 'subnet1';
      const want = nat ? OUTSIDE.nodeIp : pod.ip;
      const ok = r.received === 3 && sources.length === 1 && sources[0] === want;
      if (!ok) failed++;
      console.log(
        `  ${mark(ok)}  ${`${nat ? '3.' : '  '} egress ${nat ? '(natOutgoing)' : '(no NAT)    '}: ${pod.name} → outside ${OUTSIDE.hostIp}`.padEnd(66)} outside host sees ${sources.join(', ') || 'nothing'}`,
      );
    }

    await stopTshark(cap, pcap);
    cap = undefined;
    const lines = explainTunnelCapture(readFileSync(pcap), logicalNamesFromSb(await s.sbView()));
    const unnamed = lines.filter((l) => !l.explained.datapath || !l.explained.ingress || !l.explained.egress).length;
    console.log(
      `\nUnderlay: ${lines.length} GENEVE frames decoded, ${unnamed} with a key SB does not name. A few of them:`,
    );
    const shown = new Set<string>();
    for (const l of lines) {
      const kind = `${l.explained.datapath} ${l.explained.ingress} ${l.explained.egress} ${l.explained.what.split(' ').slice(0, 3).join(' ')}`;
      if (shown.has(kind) || shown.size >= 6) continue;
      shown.add(kind);
      console.log(`  ${l.tcpdump}\n  ${l.logical}`);
    }

    const br = await openBrInt(s.topo.node('node1'));
    try {
      const dump = await br.dumpFlows();
      console.log(
        `\nOpenFlow 1.5 on node1 br-int (${br.socket}): ${dump.count} flows decoded, ${br.decodeErrors.length} decode errors. First three:`,
      );
      for (const l of dump.text
        .split('\n')
        .filter((x) => x.startsWith(' cookie='))
        .slice(0, 3))
        console.log(` ${l}`);
    } finally {
      br.close();
    }
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    console.log('\nStopped every daemon and removed the namespaces and temp dirs.');
  }
  if (failed) {
    console.error(`${failed} check(s) failed`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(
    `dataplane demo failed: ${e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : e}`,
  );
  process.exitCode = 1;
});
