/** Static imports of a TypeScript file, and cycles in an import graph (for the project tests). */
import { readFileSync } from 'node:fs';

export interface ImportRef {
  readonly spec: string;
  /** `import type`, `export type`, or every specifier marked `type`: erased at run time. */
  readonly typeOnly: boolean;
  /** `import('…')` inside code: loaded when that code runs, not when the importing module is evaluated. */
  readonly dynamic?: boolean;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'/gm;
const BARE = /^[ \t]*import\s+'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

/** Every import / re-export of a file, with whether it is erased at run time. */
export function importsOf(file: string): ImportRef[] {
  const src = readFileSync(file, 'utf8');
  const out: ImportRef[] = [];
  for (const m of src.matchAll(STATIC)) {
    const clause = m[3]!.trim();
    let typeOnly = m[2] !== undefined;
    const braces = /^\{([\s\S]*)\}$/.exec(clause);
    if (!typeOnly && braces) {
      const names = braces[1]!
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      typeOnly = names.length > 0 && names.every((n) => n.startsWith('type '));
    }
    out.push({ spec: m[4]!, typeOnly });
  }
  for (const m of src.matchAll(BARE)) out.push({ spec: m[1]!, typeOnly: false });
  for (const m of src.matchAll(DYNAMIC)) out.push({ spec: m[1]!, typeOnly: false, dynamic: true });
  return out;
}

/** The cycles of a directed graph (one per strongly connected component with more than one node, or a self-loop). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.reverse());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
