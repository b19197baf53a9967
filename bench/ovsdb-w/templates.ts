/**
 * Template databases of W1–W4: each made by one transaction on a fresh ovsdb-server, then
 * `ovsdb-tool compact` (BENCH-WORKLOADS.md "Templates").
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startOvsdbServer, run } from '../../src/testing/index.js';
import { RawConn, rawCall } from './raw.js';
import { DB, buildOps } from './rows.js';
import type { Sizes } from './rows.js';

export type TemplateName = 'empty' | 'w2' | 'w3' | 'w4';
export type Templates = Record<TemplateName, string>;

async function makeOne(dir: string, name: TemplateName, ops: unknown[]): Promise<string> {
  const sdir = join(dir, `build-${name}`);
  mkdirSync(sdir, { recursive: true });
  const srv = await startOvsdbServer({ schema: 'nb', dir: sdir, name });
  try {
    const conn = await RawConn.connect(srv.unix);
    const r = await rawCall(conn, JSON.stringify({ id: 1, method: 'transact', params: [DB, ...ops] }));
    conn.close();
    if (r.error !== null) throw new Error(`template ${name}: ${JSON.stringify(r.error)}`);
    for (const x of r.result as { error?: string; details?: string }[])
      if (x?.error) throw new Error(`template ${name}: ${x.error} ${x.details ?? ''}`);
  } finally {
    await srv.stop();
  }
  await run('ovsdb-tool', ['compact', srv.dbFile]);
  return srv.dbFile;
}

/** Builds one template under `dir`; returns its path. */
export function buildTemplate(dir: string, s: Sizes, name: TemplateName): Promise<string> {
  switch (name) {
    case 'empty':
      return makeOne(dir, 'empty', buildOps({ nbGlobal: true, sw0: false, nLsp: 0, nAcl: 0, nAs: 0 }));
    case 'w2':
      return makeOne(dir, 'w2', buildOps({ nbGlobal: true, sw0: true, nLsp: 0, nAcl: 0, nAs: 0 }));
    case 'w3':
      return makeOne(dir, 'w3', buildOps({ nbGlobal: true, sw0: true, nLsp: s.w3Lsp, nAcl: s.w3Acl, nAs: s.w3As }));
    case 'w4':
      return makeOne(dir, 'w4', buildOps({ nbGlobal: true, sw0: true, nLsp: s.w4Lsp, nAcl: 0, nAs: 0 }));
  }
}

/** Builds the four templates under `dir`; returns their paths. */
export async function buildTemplates(dir: string, s: Sizes): Promise<Templates> {
  return {
    empty: await makeOne(dir, 'empty', buildOps({ nbGlobal: true, sw0: false, nLsp: 0, nAcl: 0, nAs: 0 })),
    w2: await makeOne(dir, 'w2', buildOps({ nbGlobal: true, sw0: true, nLsp: 0, nAcl: 0, nAs: 0 })),
    w3: await makeOne(dir, 'w3', buildOps({ nbGlobal: true, sw0: true, nLsp: s.w3Lsp, nAcl: s.w3Acl, nAs: s.w3As })),
    w4: await makeOne(dir, 'w4', buildOps({ nbGlobal: true, sw0: true, nLsp: s.w4Lsp, nAcl: 0, nAs: 0 })),
  };
}
