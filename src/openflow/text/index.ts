/**
 * openflow/text/: the ovs-ofctl flow syntax. `parseFlow` turns
 * `table=…,priority=…,<match> actions=<actions>` into a {@link FlowSpec}; `formatFlow` prints one
 * back in the canonical form ovs-ofctl prints. Pure string <-> value, no I/O.
 */
export type { FlowSpec } from './types.js';
export { parseFlow, parseActions, parseMatch } from './parse.js';
export { formatFlow } from './format.js';
export { FlowParseError } from './errors.js';
