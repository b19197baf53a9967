/**
 * `npm run demo`: the Kube-OVN scenario through the SDK.
 *
 * With OVN_NB_DB set (and OVN_SB_DB to see northd's bindings) it works on those databases; otherwise it
 * starts a throwaway NB + SB + ovn-northd with the project's harness. It reconciles the VPC
 * `ovn-cluster` with the subnets `join`, `ovn-default` and `subnet1` (namespace ns1, excludeIps
 * 10.66.0.1..10.66.0.10), two nodes and four pods into NB, then prints the subnet table, the IP table
 * and an `ovn-nbctl show`-like tree, and — with an SB — waits for ovn-northd's Port_Binding rows and
 * prints the tunnel keys. A second reconcile shows that nothing changes. It stops what it started.
 * With `--dataplane` it runs examples/dataplane.ts instead: the scenario on a two-node data plane.
 */
import { OvsdbClient } from 'ovn-sdk/ovsdb';
import { startOvnCentral, type OvnCentral } from 'ovn-sdk/testing';
import { reconcile, renderIpTable, renderSubnetTable, withDefaultSubnets, type KubeDesiredState } from 'ovn-sdk/kube';
import { readNbSnapshot, renderNbShow } from 'ovn-sdk/ovn-nb';
import { readSbView } from 'ovn-sdk/ovn-sb';
import { embeddedFallbackReason, runEmbeddedDemo } from './demo-embedded.js';

const DESIRED: KubeDesiredState = {
  subnets: withDefaultSubnets([
    {
      name: 'subnet1',
      cidrBlock: '10.66.0.0/16',
      excludeIps: ['10.66.0.1..10.66.0.10'],
      gateway: '10.66.0.1',
      gatewayType: 'distributed',
      natOutgoing: true,
      namespaces: ['ns1'],
    },
  ]),
  nodes: ['node1', 'node2'],
  pods: [
    // pod1 and pod2 carry the seed's addresses as static requests (Kube-OVN's ip_address / mac_address
    // annotations); the others are allocated (lowest free address, generated 00:00:00 MAC).
    { name: 'ovn-default-node1-pod1', namespace: 'default', node: 'node1', ip: '10.16.0.8', mac: '00:00:00:AA:0D:31' },
    { name: 'ovn-default-node1-pod2', namespace: 'default', node: 'node1', ip: '10.16.0.9', mac: '00:00:00:28:19:46' },
    { name: 'ovn-default-node2-pod3', namespace: 'default', node: 'node2' },
    { name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' },
  ],
};

async function main(): Promise<void> {
  let central: OvnCentral | undefined;
  let nbRemote = process.env.OVN_NB_DB;
  let sbRemote = process.env.OVN_SB_DB;
  const fallback = nbRemote ? undefined : embeddedFallbackReason();
  if (fallback) return runEmbeddedDemo(DESIRED, fallback);
  if (!nbRemote) {
    process.stdout.write('OVN_NB_DB is not set: starting a throwaway NB + SB + ovn-northd… ');
    const t0 = Date.now();
    central = await startOvnCentral();
    nbRemote = central.nb.unix;
    sbRemote = central.sb.unix;
    console.log(`ready in ${Date.now() - t0} ms`);
  }
  const nb = await OvsdbClient.connect(nbRemote);
  const sb = sbRemote ? await OvsdbClient.connect(sbRemote) : undefined;
  try {
    console.log(
      `NB: ${nb.remote}${sb ? `   SB: ${sb.remote}` : '   (OVN_SB_DB not set: northd bindings are not checked)'}`,
    );

    const t0 = performance.now();
    const r = await reconcile(nb, DESIRED);
    console.log(
      `\nreconcile: ${r.operations.length} operations in ${r.transactions} transaction(s), ${(performance.now() - t0).toFixed(1)} ms`,
    );

    console.log('\n$ kubectl get subnet');
    process.stdout.write(renderSubnetTable(r.ipam.subnets, r.ipam.usage));
    console.log('\n$ kubectl get ips');
    process.stdout.write(renderIpTable(r.ipam.records));
    console.log('\n$ ovn-nbctl show');
    process.stdout.write(renderNbShow(await readNbSnapshot(nb)));

    if (sb) {
      const want = [...r.ipam.records.map((x) => x.name)];
      const deadline = Date.now() + 10_000;
      let view = await readSbView(sb);
      while (want.some((p) => !view.port(p)) && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 50));
        view = await readSbView(sb);
      }
      const missing = want.filter((p) => !view.port(p));
      if (missing.length) throw new Error(`northd did not bind ${missing.join(', ')} within 10 s`);
      console.log('\nSB bindings created by ovn-northd (datapath tunnel key = GENEVE VNI / port tunnel key):');
      for (const p of want) {
        const b = view.port(p)!;
        console.log(
          `    ${p.padEnd(32)} ${b.datapath.name.padEnd(12)} VNI ${String(b.datapath.tunnelKey).padEnd(3)} port key ${b.tunnelKey}`,
        );
      }
    }

    const again = await reconcile(nb, DESIRED);
    console.log(
      `\nsecond reconcile: ${again.operations.length} operations, ${again.transactions} transaction(s) — nothing to change`,
    );
  } finally {
    await nb.close();
    await sb?.close();
    if (central) {
      await central.stop();
      console.log('\nstopped the throwaway NB, SB and ovn-northd');
    }
  }
}

if (process.argv.includes('--dataplane')) {
  // `npm run demo -- --dataplane`: the same scenario on a real two-node data plane (examples/dataplane.ts).
  await import('./dataplane.js');
} else {
  main().catch(fail);
}

function fail(e: unknown): void {
  console.error(`demo failed: ${e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : e}`);
  process.exitCode = 1;
}
