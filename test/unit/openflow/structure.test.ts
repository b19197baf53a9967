/**
 * The import structure of src/openflow (STYLE.md "Inside a folder", issue #20): no runtime import
 * cycle, and inside messages/ and actions/ each file imports only from its own rank or below.
 * Only runtime imports count: `import type`, `export type` and all-`type` specifier lists are erased.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findCycles, importsOf } from '../../helpers/imports.js';

const root = resolve(import.meta.dirname, '..', '..', '..', 'src', 'openflow');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Runtime imports of a file, as paths relative to src/openflow (`messages/decode.ts`); the one import reader of the project tests. */
function runtimeImports(file: string): string[] {
  return importsOf(file)
    .filter((i) => !i.typeOnly && !i.dynamic && i.spec.startsWith('.'))
    .map((i) => resolve(dirname(file), i.spec.replace(/\.js$/, '.ts')))
    .filter((target) => target.startsWith(root + '/'))
    .map((target) => relative(root, target));
}

const files = walk(root).map((f) => relative(root, f));
const graph = new Map(files.map((f) => [f, runtimeImports(join(root, f))]));

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(): string[][] {
  return findCycles(graph).map((c) => [...c].sort());
}

/**
 * Ranks inside a folder: a file may import files of its own rank or lower, never higher.
 * Every file of the folder must be listed, so a new file takes a deliberate place.
 */
const RANKS: Record<string, Record<string, number>> = {
  messages: {
    // (0) constants, types, errors, property / header / text helpers
    'constants.ts': 0,
    'types.ts': 0,
    'ext-types.ts': 0,
    'errors.ts': 0,
    'error-names.ts': 0,
    'props.ts': 0,
    'header.ts': 0,
    'text-helpers.ts': 0,
    'negotiation.ts': 0,
    'multipart.ts': 0,
    'builders.ts': 0,
    // (1) message bodies by family, read and write side by side
    'flow-mod.ts': 1,
    'group.ts': 1,
    'meter.ts': 1,
    'packet.ts': 1,
    'port.ts': 1,
    'stats.ts': 1,
    'table-features-codec.ts': 1,
    'nicira-msgs.ts': 1,
    'nicira-stats.ts': 1,
    'ct-flush.ts': 1,
    'flow-monitor.ts': 1,
    'status.ts': 1,
    'ext.ts': 1,
    // (2) the dispatchers
    'decode.ts': 2,
    'encode.ts': 2,
    // (3) text and policy: the only rank that may call the dispatchers
    'format.ts': 3,
    'ext-format.ts': 3,
    'flow-text.ts': 3,
    'validate.ts': 3,
    'table-features.ts': 3,
    'packet-text.ts': 3,
    'index.ts': 4,
  },
  actions: {
    // (0) constants, types, errors, byte and slice helpers
    'constants.ts': 0,
    'types.ts': 0,
    'errors.ts': 0,
    'addresses.ts': 0,
    'slices.ts': 0,
    'bytes.ts': 0,
    // (1) actions by family, sizing, writing and reading side by side; the list checks
    'standard.ts': 1,
    'nicira.ts': 1,
    'encap.ts': 1,
    'validate.ts': 1,
    'prereq.ts': 1,
    // (2) the action list codec (standard or Nicira per action; ct and clone nest through it)
    'list.ts': 2,
    // (3) instruction lists (their action lists through list.ts)
    'instructions.ts': 3,
    // (4) text
    'format.ts': 4,
    'lenient.ts': 4,
    'index.ts': 5,
  },
  text: {
    // (0) errors, types, lexer, values, field names / subfields, encap arguments
    'errors.ts': 0,
    'types.ts': 0,
    'lexer.ts': 0,
    'values.ts': 0,
    'slice.ts': 0,
    'encap.ts': 0,
    // (1) the match parser; field-write encoding and compound action arguments for the action parser
    'match.ts': 1,
    'set-field.ts': 1,
    'action-args.ts': 1,
    // (2) the action parser (one handler per action name) and instructions
    'actions.ts': 2,
    // (3) whole flow lines; the canonical printer
    'flow.ts': 3,
    'format.ts': 3,
    'index.ts': 4,
  },
};

describe('src/openflow import structure', () => {
  test('no runtime import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  test('the framer does not import messages/', () => {
    expect(graph.get('framer.ts')!.filter((i) => i.startsWith('messages/'))).toEqual([]);
  });

  test('the text parser imports neither the binary action codec nor the action formatter', () => {
    const bad = [...graph].flatMap(([f, deps]) =>
      f.startsWith('text/') && f !== 'text/format.ts'
        ? deps
            .filter((d) => /^actions\/(codec|format|standard|nicira|instructions|list)\.ts$/.test(d))
            .map((d) => `${f} -> ${d}`)
        : [],
    );
    expect(bad).toEqual([]);
  });

  test('decodeMessage does not load the text formatter', () => {
    const seen = new Set<string>();
    const visit = (f: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const d of graph.get(f) ?? []) visit(d);
    };
    visit('messages/decode.ts');
    visit('messages/encode.ts');
    expect(
      [...seen].filter((f) =>
        /^(messages\/(format|ext-format|validate|table-features|packet-text)|actions\/format|match\/format|text\/)/.test(
          f,
        ),
      ),
    ).toEqual([]);
  });

  for (const [folder, ranks] of Object.entries(RANKS)) {
    test(`${folder}/: every file has a rank and imports point down`, () => {
      const inFolder = files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
      expect(inFolder.filter((f) => ranks[f] === undefined)).toEqual([]);
      const up: string[] = [];
      for (const f of inFolder) {
        for (const d of graph.get(`${folder}/${f}`)!) {
          if (!d.startsWith(`${folder}/`)) continue;
          const to = d.slice(folder.length + 1);
          if ((ranks[to] ?? 99) > ranks[f]!) up.push(`${f} (${ranks[f]}) -> ${to} (${ranks[to]})`);
        }
      }
      expect(up).toEqual([]);
    });
  }
});
