/**
 * The demo's fallback when OVN cannot run here (ovsdb-server or ovn-northd not installed, or not
 * root): the NB part of the scenario on the SDK's embedded OVSDB server (src/server), in process —
 * reconcile, the subnet and IP tables, the `ovn-nbctl show`-like tree, and a second reconcile that
 * changes nothing. It says what it skips: the SB bindings need ovn-northd.
 */
import { spawnSync } from 'node:child_process';
import { OvsdbClient } from '../src/ovsdb/index.js';
import { startEmbeddedOvsdb } from '../src/testing/embedded.js';
import { reconcile, renderIpTable, renderSubnetTable, type KubeDesiredState } from '../src/kube/index.js';
import { readNbSnapshot, renderNbShow } from '../src/ovn-nb/index.js';

function onPath(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`], { stdio: 'ignore' }).status === 0;
}

/** Why the demo cannot start real OVN here, or undefined when it can. */
export function embeddedFallbackReason(): string | undefined {
  const missing = ['ovsdb-server', 'ovsdb-tool', 'ovn-northd'].filter((b) => !onPath(b));
  if (missing.length) return `${missing.join(', ')} not installed`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not running as root';
  return undefined;
}

export async function runEmbeddedDemo(desired: KubeDesiredState, reason: string): Promise<void> {
  console.log(`OVN cannot run here (${reason}): running the NB part of the scenario on the embedded OVSDB server.`);
  console.log('Skipped: ovn-northd and the SB bindings (datapath / port tunnel keys need ovn-northd).');
  const t0 = Date.now();
  const server = await startEmbeddedOvsdb({ schema: 'nb' });
  console.log(`embedded NB ready in ${Date.now() - t0} ms at ${server.unix}`);
  const nb = await OvsdbClient.connect(server.unix);
  try {
    const t1 = performance.now();
    const r = await reconcile(nb, desired);
    console.log(
      `\nreconcile: ${r.operations.length} operations in ${r.transactions} transaction(s), ${(performance.now() - t1).toFixed(1)} ms`,
    );
    console.log('\n$ kubectl get subnet');
    process.stdout.write(renderSubnetTable(r.ipam.subnets, r.ipam.usage));
    console.log('\n$ kubectl get ips');
    process.stdout.write(renderIpTable(r.ipam.records));
    console.log('\n$ ovn-nbctl show   (rendered by the SDK from the embedded NB)');
    process.stdout.write(renderNbShow(await readNbSnapshot(nb)));
    const again = await reconcile(nb, desired);
    console.log(
      `\nsecond reconcile: ${again.operations.length} operations, ${again.transactions} transaction(s) — nothing to change`,
    );
  } finally {
    await nb.close();
    await server.stop();
    console.log('\nstopped the embedded NB');
  }
}
