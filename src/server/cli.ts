#!/usr/bin/env node
/**
 * `tsx src/server/cli.ts --remote=punix:/tmp/nb.sock --remote=ptcp:6641:127.0.0.1 SCHEMA_OR_DB…`:
 * runs the embedded server as a process (for OVS/OVN daemons and tools to connect to). Each argument
 * is a `.ovsschema` file or a standalone database file (loaded, and appended to on every commit).
 * `--no-txn-history`: keep no transaction history (monitor_cond_since cannot resume), as a
 * standalone ovsdb-server 3.1.
 * Prints `listening REMOTE` per remote; stops on SIGTERM/SIGINT.
 */
import { EmbeddedOvsdbServer } from './server.js';
import { openDbFile } from './file.js';

async function main(): Promise<void> {
  const remotes: string[] = [];
  const files: string[] = [];
  let txnHistory = true;
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--remote=')) remotes.push(a.slice(9));
    else if (a === '--no-txn-history') txnHistory = false;
    else files.push(a);
  }
  const server = new EmbeddedOvsdbServer({ txnHistory });
  for (const f of files) {
    if (f.endsWith('.ovsschema')) server.addDatabase(f);
    else await openDbFile(server, f, { append: true });
  }
  for (const r of remotes) console.log(`listening ${await server.listen(r)}`);
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
