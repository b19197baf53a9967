/**
 * Identifier helpers for generated code: OVSDB names (`Logical_Switch_Port`, `Open_vSwitch`,
 * `_Server`) → TypeScript type names and file names. Deterministic and collision-checked by the
 * caller.
 */

/** `Logical_Switch_Port` → `LogicalSwitchPort`, `sFlow` → `SFlow`, `_Server` → `Server`, `ACL` → `ACL`. */
export function pascalCase(name: string): string {
  const out = name
    .split('_')
    .filter((p) => p.length > 0)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
  return out.length > 0 ? out : 'Database';
}

/** `OVNNorthbound` → `ovnNorthbound`, `OpenVSwitch` → `openVSwitch`, `ACL` → `acl`. */
export function camelCase(name: string): string {
  const p = pascalCase(name);
  let run = 0;
  while (run < p.length && p[run]! >= 'A' && p[run]! <= 'Z') run++;
  if (run === 0) return p;
  if (run === 1 || run === p.length) return p.slice(0, run).toLowerCase() + p.slice(run);
  // "OVNNorthbound": the last capital of the run starts the next word.
  const next = p[run];
  const keep = next !== undefined && next >= 'a' && next <= 'z' ? run - 1 : run;
  return p.slice(0, keep).toLowerCase() + p.slice(keep);
}

/** `OVN_Northbound` → `ovn-northbound`, `Open_vSwitch` → `open-vswitch`, `_Server` → `server`. */
export function kebabCase(name: string): string {
  const s = name
    .split('_')
    .filter((p) => p.length > 0)
    .join('-')
    .toLowerCase();
  return s.length > 0 ? s : 'database';
}

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript single-quoted string literal. */
export function quote(s: string): string {
  const json = JSON.stringify(s).slice(1, -1);
  return `'${json.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object-literal property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(k: string): string {
  return IDENT_RE.test(k) ? k : quote(k);
}
