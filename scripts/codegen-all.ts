/**
 * Regenerates every checked-in model: `npx tsx scripts/codegen-all.ts`.
 * The schema files come from the installed Debian packages (OVN 23.03, Open vSwitch 3.1) and, for
 * `_Server` (which only exists inside ovsdb-server), from the fixture fetched with
 * `ovsdb-client get-schema unix:SOCK _Server`. test/unit/codegen/checked-in.test.ts regenerates
 * them the same way and fails on any difference.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFile } from '../src/codegen/files.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One checked-in model: where its schema comes from and where the generated file lives. */
export interface CheckedInModel {
  readonly database: string;
  readonly schemaPath: string;
  /** Output directory, relative to the repository root. */
  readonly outDir: string;
  readonly runtimeImport: string;
}

export const CHECKED_IN_MODELS: readonly CheckedInModel[] = [
  {
    database: 'OVN_Northbound',
    schemaPath: '/usr/share/ovn/ovn-nb.ovsschema',
    outDir: 'src/ovn-nb/generated',
    runtimeImport: '../../ovsdb/typed/index.js',
  },
  {
    database: 'OVN_Southbound',
    schemaPath: '/usr/share/ovn/ovn-sb.ovsschema',
    outDir: 'src/ovn-sb/generated',
    runtimeImport: '../../ovsdb/typed/index.js',
  },
  {
    database: 'Open_vSwitch',
    schemaPath: '/usr/share/openvswitch/vswitch.ovsschema',
    outDir: 'src/vswitch/generated',
    runtimeImport: '../../ovsdb/typed/index.js',
  },
  {
    database: '_Server',
    schemaPath: join(ROOT, 'src/ovsdb/generated/_server.ovsschema'),
    outDir: 'src/ovsdb/generated',
    runtimeImport: '../typed/index.js',
  },
];

/** Regenerates all models into `root` (the repository by default); returns the written paths. */
export function regenerateAll(root: string = ROOT): string[] {
  return CHECKED_IN_MODELS.map(
    (m) => generateFile(m.schemaPath, join(root, m.outDir), { runtimeImport: m.runtimeImport }).path,
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) for (const p of regenerateAll()) console.log(p);
