/**
 * Row generators and operation lists of the W1–W4 workloads, exactly as /work/shared/BENCH-WORKLOADS.md
 * defines them (printf formats reproduced by hand). The Python scripts in python/common.py mirror these.
 */

export const DB = 'OVN_Northbound';

export const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** `lsp%05d` */
export const lspName = (i: number): string => `lsp${pad(i, 5)}`;

/** `"00:00:00:%02x:%02x:%02x 10.16.%d.%d"` of `(i>>16)&255, (i>>8)&255, i&255, (i>>8)&255, i&255` */
export const lspAddress = (i: number): string =>
  `00:00:00:${hex2((i >> 16) & 255)}:${hex2((i >> 8) & 255)}:${hex2(i & 255)} 10.16.${(i >> 8) & 255}.${i & 255}`;

/** ACL j as a wire row. */
export function aclRow(j: number): Record<string, unknown> {
  return {
    priority: 1000 + (j % 1000),
    direction: j % 2 === 0 ? 'from-lport' : 'to-lport',
    match: `outport == "${lspName(j)}" && ip4.src == $as${pad(j % 1000, 4)} && tcp.dst == ${1024 + j}`,
    action: 'allow-related',
  };
}

/** Address_Set k as a wire row. */
export function addressSetRow(k: number): Record<string, unknown> {
  const addrs: string[] = [];
  for (let m = 0; m < 10; m++) {
    const idx = k * 10 + m;
    addrs.push(`10.17.${(idx >> 8) & 255}.${idx & 255}`);
  }
  return { name: `as${pad(k, 4)}`, addresses: ['set', addrs] };
}

export const lspRow = (i: number): Record<string, unknown> => ({ name: lspName(i), addresses: lspAddress(i) });

/**
 * One transaction: sw0 with LSPs 0..nLsp-1 in `ports` and ACLs 0..nAcl-1 in `acls` (named-uuid references),
 * Address_Sets 0..nAs-1, and, with `nbGlobal`, one empty NB_Global row.
 */
export function buildOps(o: { nbGlobal: boolean; sw0: boolean; nLsp: number; nAcl: number; nAs: number }): unknown[] {
  const ops: unknown[] = [];
  if (o.nbGlobal) ops.push({ op: 'insert', table: 'NB_Global', row: {} });
  const ports: unknown[] = [];
  const acls: unknown[] = [];
  for (let i = 0; i < o.nLsp; i++) {
    ops.push({ op: 'insert', table: 'Logical_Switch_Port', row: lspRow(i), 'uuid-name': `p${i}` });
    ports.push(['named-uuid', `p${i}`]);
  }
  for (let j = 0; j < o.nAcl; j++) {
    ops.push({ op: 'insert', table: 'ACL', row: aclRow(j), 'uuid-name': `a${j}` });
    acls.push(['named-uuid', `a${j}`]);
  }
  for (let k = 0; k < o.nAs; k++) ops.push({ op: 'insert', table: 'Address_Set', row: addressSetRow(k) });
  if (o.sw0)
    ops.unshift({
      op: 'insert',
      table: 'Logical_Switch',
      row: { name: 'sw0', ports: ['set', ports], acls: ['set', acls] },
    });
  return ops;
}

/** W2 transaction i: insert LSP i with a uuid-name, and `mutate` sw0 `ports insert` it (a partial-set mutate). */
export function w2Ops(i: number): unknown[] {
  return [
    { op: 'insert', table: 'Logical_Switch_Port', row: lspRow(i), 'uuid-name': 'p' },
    {
      op: 'mutate',
      table: 'Logical_Switch',
      where: [['name', '==', 'sw0']],
      mutations: [['ports', 'insert', ['set', [['named-uuid', 'p']]]]],
    },
  ];
}

/** W4 transaction k: set external_ids of LSP k (by _uuid) to {"w4": "k"}. */
export function w4Ops(uuid: string, k: number): unknown[] {
  return [
    {
      op: 'update',
      table: 'Logical_Switch_Port',
      where: [['_uuid', '==', ['uuid', uuid]]],
      row: { external_ids: ['map', [['w4', String(k)]]] },
    },
  ];
}

/** Sizes of one benchmark run (full per the spec, or the smaller `--quick` ones). */
export interface Sizes {
  w1Lsp: number;
  w2Txns: number;
  w3Lsp: number;
  w3Acl: number;
  w3As: number;
  w4Lsp: number;
}
export const FULL_SIZES: Sizes = {
  w1Lsp: 10_000,
  w2Txns: 2_000,
  w3Lsp: 50_000,
  w3Acl: 5_000,
  w3As: 1_000,
  w4Lsp: 5_000,
};
export const QUICK_SIZES: Sizes = { w1Lsp: 2_000, w2Txns: 400, w3Lsp: 5_000, w3Acl: 500, w3As: 100, w4Lsp: 1_000 };
