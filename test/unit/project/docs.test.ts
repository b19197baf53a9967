/** docs/errors.md is complete and current; the layering rules of STYLE.md hold. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildErrorsDoc } from '../../../scripts/build-errors-doc.js';
import { LAYERS, layerOf, mayImport } from '../../../scripts/layers.mjs';
import { findCycles, importsOf } from '../../helpers/imports.js';

const root = join(import.meta.dirname, '..', '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const sources = walk(join(root, 'src')).filter((f) => !/\/generated\//.test(f) && !f.endsWith('.gen.ts'));

const CODE_RE =
  /'((?:JSONRPC|TRANSPORT|OVSDB|HARNESS|WIRE|GENEVE|PCAP|OF|OPENFLOW|KUBE|IPAM|CODEGEN|CACHE|OVN|NB|SB|VSWITCH|CLI|GATEWAY|SERVER|CONTAINER)_[A-Z0-9_]+)'/g;

describe('docs/errors.md', () => {
  test('is generated from the fragments and up to date', () => {
    expect(readFileSync(join(root, 'docs', 'errors.md'), 'utf8')).toBe(buildErrorsDoc(root));
  });

  test('lists every error code used in src/', () => {
    const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
    const missing: string[] = [];
    for (const f of sources) {
      for (const m of readFileSync(f, 'utf8').matchAll(CODE_RE)) {
        if (!doc.includes(`\`${m[1]}\``)) missing.push(`${m[1]} (${relative(root, f)})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('layering (STYLE.md; the table is scripts/layers.mjs)', () => {
  const layer = (f: string) => layerOf(relative(join(root, 'src'), f));

  test('only transport/ imports node:net and node:tls', () => {
    const offenders = sources.filter(
      (f) =>
        layer(f) !== 'transport' && importsOf(f).some((i) => ['node:net', 'node:tls', 'net', 'tls'].includes(i.spec)),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  test('dependencies point one way, between folders and between the sub-folders listed', () => {
    const bad: string[] = [];
    for (const f of walk(join(root, 'src'))) {
      const from = layer(f);
      if (!(from in LAYERS)) continue;
      const barrel = f.endsWith('/index.ts');
      for (const i of importsOf(f)) {
        if (!i.spec.startsWith('.')) continue;
        const to = layerOf(relative(join(root, 'src'), join(f, '..', i.spec)));
        if (!mayImport(from, to, { typeOnly: i.typeOnly, barrel }))
          bad.push(`${relative(root, f)} -> ${i.spec}${i.typeOnly ? ' (type)' : ''}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('every folder of src/ is in the table', () => {
    const tops = readdirSync(join(root, 'src')).filter((d) => statSync(join(root, 'src', d)).isDirectory());
    expect(tops.filter((d) => !(d in LAYERS))).toEqual([]);
  });

  test('no import cycle at run time anywhere in src/ (type-only imports aside)', () => {
    const graph = new Map<string, string[]>();
    for (const f of walk(join(root, 'src'))) {
      graph.set(
        f,
        importsOf(f)
          // A dynamic import() loads lazily (the container backend is loaded only when asked for), so
          // it cannot make modules wait on each other at evaluation.
          .filter((i) => !i.typeOnly && !i.dynamic && i.spec.startsWith('.'))
          .map((i) => join(f, '..', i.spec).replace(/\.js$/, '.ts')),
      );
    }
    const cycles = findCycles(graph).map((c) => c.map((f) => relative(join(root, 'src'), f)).join(' -> '));
    // The one cycle known when this test was written; the OpenFlow restructuring (issue #20 item 1)
    // removes it. An entry that no longer occurs fails the test too, so this list can only shrink.
    // Cycles tolerated while being taken apart (none now: openflow/messages was cut into ranks).
    const KNOWN = new Set<string>([]);
    expect(cycles.filter((c) => !KNOWN.has(c))).toEqual([]);
    expect(
      [...KNOWN].filter((c) => !cycles.includes(c)),
      'known cycles that are gone: remove them from KNOWN',
    ).toEqual([]);
  });

  test('the layering rules refuse what they should', () => {
    expect(mayImport('ovsdb', 'ovsdb/typed')).toBe(false);
    expect(mayImport('ovsdb', 'ovsdb/cache')).toBe(false);
    expect(mayImport('ovsdb', 'ovsdb/cache', { typeOnly: true })).toBe(true);
    expect(mayImport('ovsdb', 'ovsdb/cache', { barrel: true })).toBe(true);
    expect(mayImport('ovsdb/typed', 'ovsdb/cache')).toBe(false);
    expect(mayImport('ovsdb/cache', 'ovsdb/typed')).toBe(true);
    expect(mayImport('ovsdb', 'ovn-nb')).toBe(false);
    expect(mayImport('ovn-nb', 'kube', { typeOnly: true })).toBe(false);
    expect(mayImport('kube', 'ovn-nb')).toBe(true);
    expect(mayImport('wire', 'geneve')).toBe(false);
    expect(layerOf('ovsdb/cache/plan.ts')).toBe('ovsdb/cache');
    expect(layerOf('openflow/messages/decode.ts')).toBe('openflow');
    expect(layerOf('errors.ts')).toBe('');
  });
});
