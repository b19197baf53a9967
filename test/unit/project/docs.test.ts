/** docs/errors.md is complete and current; the layering rules of STYLE.md hold. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildErrorsDoc } from '../../../scripts/build-errors-doc.js';

const root = join(import.meta.dirname, '..', '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const sources = walk(join(root, 'src')).filter((f) => !/\/generated\//.test(f) && !f.endsWith('.gen.ts'));

const CODE_RE = /'((?:JSONRPC|TRANSPORT|OVSDB|HARNESS|WIRE|GENEVE|PCAP|OF|OPENFLOW|KUBE|IPAM|CODEGEN|CACHE|OVN|NB|SB|VSWITCH|CLI)_[A-Z0-9_]+)'/g;

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

describe('layering (STYLE.md)', () => {
  const importsOf = (f: string) => [...readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
  const layer = (f: string) => relative(join(root, 'src'), f).split('/')[0]!;

  test('only transport/ imports node:net and node:tls', () => {
    const offenders = sources.filter((f) => layer(f) !== 'transport' && importsOf(f).some((i) => i === 'node:net' || i === 'node:tls' || i === 'net' || i === 'tls'));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  test('dependencies point one way', () => {
    // What each layer may import (besides itself and src/errors.ts).
    const allowed: Record<string, string[]> = {
      wire: [],
      jsonrpc: [],
      transport: [],
      ipam: [],
      geneve: ['wire'],
      openflow: ['wire', 'transport', 'jsonrpc'],
      ovsdb: ['jsonrpc', 'transport'],
      codegen: ['ovsdb'],
      'ovn-nb': ['ovsdb'],
      'ovn-sb': ['ovsdb'],
      vswitch: ['ovsdb'],
      kube: ['ovn-nb', 'ovsdb', 'ipam'],
      testing: ['ovsdb', 'transport', 'jsonrpc', 'wire', 'vswitch', 'ovn-nb', 'ovn-sb', 'kube', 'ipam', 'geneve', 'openflow'],
      // The command line sits on top of everything (it reuses the harness's capture explainer).
      cli: ['ovsdb', 'transport', 'jsonrpc', 'wire', 'vswitch', 'ovn-nb', 'ovn-sb', 'kube', 'ipam', 'geneve', 'testing'],
    };
    const bad: string[] = [];
    for (const f of sources) {
      const from = layer(f);
      if (!(from in allowed)) continue;
      for (const i of importsOf(f)) {
        if (!i.startsWith('.')) continue;
        const target = relative(join(root, 'src'), join(f, '..', i)).split('/')[0]!;
        if (target === from || target === 'errors.js') continue;
        if (!allowed[from]!.includes(target)) bad.push(`${relative(root, f)} -> ${i}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
