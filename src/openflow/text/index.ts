/**
 * openflow/text/: the ovs-ofctl flow syntax. `parseFlow` turns
 * `table=…,priority=…,<match> actions=<actions>` into a {@link FlowSpec}; `formatFlow` prints one
 * back in the canonical form ovs-ofctl prints. Pure string <-> value, no I/O.
 */
export type { FlowSpec, FlowFlag } from './types.js';
export { parseFlow } from './flow.js';
export { parseActions, parseInstructions } from './actions.js';
export { parseMatch } from './match.js';
export { parseSlice } from './slice.js';
export { formatFlow, OFP_DEFAULT_PRIORITY } from './format.js';
export { FlowParseError } from './errors.js';
export type { FlowParseErrorCode } from './errors.js';
