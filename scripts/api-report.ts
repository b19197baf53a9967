/**
 * The API report: for every subpath in package.json `exports`, the names it exports with their kind and
 * declared signature, and whether each has a doc comment — one `api/<subpath>.api.md` per subpath.
 * Checked in, so every change of the public surface shows in review; `test/unit/api-report.test.ts`
 * fails when the files differ from the sources.
 *
 *   npx tsx scripts/api-report.ts           # rewrite api/*.api.md   (npm run api:update)
 *   npx tsx scripts/api-report.ts --check   # exit 1 and print the subpaths that drifted
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const API_DIR = join(ROOT, 'api');

/** The source entry of a subpath: its `types` target, `dist/….d.ts` → `src/….ts`. */
function entryOf(subpath: string): string {
  const types = (readPkg().exports[subpath] as { types: string }).types;
  return join(ROOT, types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
}

function readPkg(): { exports: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
}

/** `./ovsdb/typed` → `ovsdb-typed.api.md`; `.` → `index.api.md`. */
export function reportFileOf(subpath: string): string {
  return `${subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-')}.api.md`;
}

export function subpaths(): string[] {
  return Object.keys(readPkg().exports).filter((k) => k !== './package.json');
}

function kindOf(sym: ts.Symbol): string {
  const f = sym.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.Module) return 'namespace';
  return 'other';
}

const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteClassExpressionAsTypeLiteral;

/** One line per export (plus its public members for classes): the surface a user compiles against. */
function describe(checker: ts.TypeChecker, sym: ts.Symbol, where: ts.Node): string[] {
  const kind = kindOf(sym);
  const name = sym.getName();
  const documented =
    sym.getDocumentationComment(checker).length > 0 ||
    (sym.declarations ?? []).some((d) => ts.getJSDocTags(d).length > 0);
  const mark = documented ? '' : ' <!-- undocumented -->';
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (kind === 'interface' || kind === 'type') {
    const decl = sym.declarations?.[0];
    const text = decl ? flat(decl.getText()).replace(/^export\s+/, '') : name;
    return [`- ${kind} \`${name}\`${mark}`, '  ```ts', `  ${text}`, '  ```'];
  }
  if (kind === 'class') {
    const type = checker.getTypeOfSymbolAtLocation(sym, where);
    const inst = checker.getDeclaredTypeOfSymbol(sym);
    const lines = [`- class \`${name}\`${mark}`];
    for (const sig of type.getConstructSignatures())
      lines.push(`  - \`new${flat(checker.signatureToString(sig, undefined, FLAGS))}\``);
    const members = (t: ts.Type, prefix: string) => {
      for (const p of t.getProperties()) {
        if (p.getName().startsWith('#') || p.getName() === 'prototype') continue;
        const d = p.valueDeclaration ?? p.declarations?.[0];
        // Inherited from Error and other built-ins: not this package's surface.
        if (d && /[\\/]node_modules[\\/]/.test(d.getSourceFile().fileName)) continue;
        const mods = d && ts.canHaveModifiers(d) ? (ts.getModifiers(d) ?? []) : [];
        if (mods.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword))
          continue;
        if (d && ts.isPrivateIdentifier((d as ts.NamedDeclaration).name ?? d)) continue;
        lines.push(
          `  - \`${prefix}${p.getName()}: ${flat(checker.typeToString(checker.getTypeOfSymbolAtLocation(p, where), undefined, FLAGS))}\``,
        );
      }
    };
    members(type, 'static ');
    members(inst, '');
    return lines;
  }
  const type = checker.getTypeOfSymbolAtLocation(sym, where);
  return [`- ${kind} \`${name}\`: \`${flat(checker.typeToString(type, undefined, FLAGS))}\`${mark}`];
}

/** The report text of every subpath, by file name. */
export function buildReports(): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('cannot read tsconfig.build.json');
  const subs = subpaths();
  const program = ts.createProgram(subs.map(entryOf), { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const out = new Map<string, string>();
  for (const sub of subs) {
    const file = program.getSourceFile(entryOf(sub));
    if (!file) throw new Error(`no entry for ${sub}`);
    const mod = checker.getSymbolAtLocation(file);
    const exports = mod ? checker.getExportsOfModule(mod) : [];
    const lines = [
      `# API report: \`ovn-sdk${sub === '.' ? '' : sub.slice(1)}\``,
      '',
      '<!-- Generated by scripts/api-report.ts (npm run api:update); do not edit. -->',
      '',
      `${exports.length} exports.`,
      '',
    ];
    const entries = exports
      .map((e) => {
        const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
        return { name: e.getName(), lines: describe(checker, target, file) };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) lines.push(...e.lines.map((l) => (e.name === l ? l : l)));
    out.set(reportFileOf(sub), `${lines.join('\n')}\n`);
  }
  return out;
}

/** Names of exports without a doc comment, per subpath (from the reports). */
export function undocumented(reports: Map<string, string>): string[] {
  const res: string[] = [];
  for (const [file, text] of reports)
    for (const m of text.matchAll(/^- \w+ `([^`]+)`.*<!-- undocumented -->$/gm)) res.push(`${file}: ${m[1]}`);
  return res;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reports = buildReports();
  if (process.argv.includes('--check')) {
    const drift: string[] = [];
    const existing = new Set(readdirSync(API_DIR).filter((f) => f.endsWith('.api.md')));
    for (const [f, text] of reports) {
      let old = '';
      try {
        old = readFileSync(join(API_DIR, f), 'utf8');
      } catch {
        /* missing */
      }
      if (old !== text) drift.push(f);
      existing.delete(f);
    }
    drift.push(...[...existing].map((f) => `${f} (no longer a subpath)`));
    if (drift.length) {
      console.error(`API report drifted (run npm run api:update and review the diff): ${drift.join(', ')}`);
      process.exit(1);
    }
  } else {
    mkdirSync(API_DIR, { recursive: true });
    for (const f of readdirSync(API_DIR)) if (f.endsWith('.api.md')) rmSync(join(API_DIR, f));
    for (const [f, text] of reports) writeFileSync(join(API_DIR, f), text);
    if (process.argv.includes('--backlog')) {
      const head =
        '# Exports without a doc comment, recorded when the check began. This list may only shrink:\n# document an export, then remove its line (npm run api:update -- --backlog rewrites it).\n';
      writeFileSync(join(API_DIR, 'UNDOCUMENTED.txt'), `${head}${undocumented(reports).join('\n')}\n`);
    }
    console.log(`wrote ${reports.size} reports to api/; undocumented exports: ${undocumented(reports).length}`);
  }
}
