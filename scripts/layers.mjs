/**
 * The one table of allowed imports between src/ folders (STYLE.md "Layout" and "Inside a folder"),
 * read by test/unit/project/layers.test.ts and eslint.config.js.
 *
 * A file belongs to the longest folder listed here that contains it (src/ovsdb/cache/plan.ts →
 * `ovsdb/cache`). It may import its own folder, src/errors.ts, and the folders listed for it —
 * any import for top-level folders; for a sub-folder, the list applies to imports at run time
 * (`import type` may reach any folder its top-level folder may). A folder's index.ts (its public
 * barrel) may also re-export its own sub-folders.
 */
export const LAYERS = {
  wire: [],
  jsonrpc: [],
  transport: [],
  ipam: [],
  geneve: ['wire'],
  openflow: ['wire', 'transport', 'jsonrpc'],
  ovsdb: ['jsonrpc', 'transport'],
  // Inside ovsdb: the core (protocol, notation, schema, codec, validate, client, session) ← typed ← cache.
  'ovsdb/typed': ['ovsdb', 'jsonrpc', 'transport'],
  'ovsdb/cache': ['ovsdb', 'ovsdb/typed', 'jsonrpc', 'transport'],
  'ovsdb/generated': ['ovsdb', 'ovsdb/typed'],
  codegen: ['ovsdb'],
  'ovn-nb': ['ovsdb'],
  'ovn-sb': ['ovsdb'],
  vswitch: ['ovsdb'],
  kube: ['ovn-nb', 'ovsdb', 'ipam'],
  // The embedded OVSDB server reuses the SDK's schema, notation, framing and streams.
  server: ['ovsdb', 'jsonrpc', 'transport'],
  testing: [
    'ovsdb',
    'transport',
    'jsonrpc',
    'wire',
    'vswitch',
    'ovn-nb',
    'ovn-sb',
    'kube',
    'ipam',
    'geneve',
    'openflow',
    'server',
  ],
  // The command line sits on top of everything (it reuses the harness's capture explainer).
  // `serve` in cli/main.ts loads the gateway lazily (a dynamic import: no cycle at load time, and no
  // ws for the other commands); the gateway in turn reuses cli's get / apply / trace modules.
  cli: [
    'ovsdb',
    'transport',
    'jsonrpc',
    'wire',
    'vswitch',
    'ovn-nb',
    'ovn-sb',
    'kube',
    'ipam',
    'geneve',
    'testing',
    'gateway',
  ],
  // The gateway serves what the command line computes (its views, apply, trace) over JSON-RPC 2.0.
  gateway: [
    'ovsdb',
    'transport',
    'jsonrpc',
    'wire',
    'vswitch',
    'ovn-nb',
    'ovn-sb',
    'kube',
    'ipam',
    'geneve',
    'testing',
    'cli',
  ],
};

/** The folder of LAYERS a path under src/ (e.g. `ovsdb/cache/plan.ts`) belongs to. */
export function layerOf(srcRelative) {
  const parts = srcRelative.split('/');
  for (let n = parts.length - 1; n > 0; n--) {
    const key = parts.slice(0, n).join('/');
    if (key in LAYERS) return key;
  }
  return parts.length > 1 ? parts[0] : '';
}

/** True when `to` is `from` or below it (ovsdb/cache is inside ovsdb). */
const within = (to, from) => to === from || to.startsWith(from + '/');

/**
 * Whether a file of layer `from` may import a file of layer `to`.
 * @param {string} from @param {string} to @param {{ typeOnly?: boolean, barrel?: boolean }} how
 */
export function mayImport(from, to, how = {}) {
  if (from === '') return true; // src/index.ts: the package root re-exports the common entry points
  if (to === '' || from === to) return true; // src/errors.ts, or the same folder
  const top = (l) => l.split('/')[0];
  if (how.barrel && within(to, from)) return true;
  const allowed = LAYERS[from] ?? [];
  if (allowed.some((a) => within(to, a) && (a.includes('/') || top(to) !== top(from) || to === a))) {
    // A listed top-level folder covers its sub-folders only from outside it (openflow may use all of
    // wire/, but ovsdb core may not reach into ovsdb/cache).
    return true;
  }
  if (how.typeOnly) {
    const topFrom = top(from);
    if (top(to) === topFrom) return true;
    return (LAYERS[topFrom] ?? []).some((a) => within(to, a));
  }
  return false;
}
