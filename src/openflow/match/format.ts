import type { Match } from './types.js';
/** ovs-ofctl canonical text of a match, e.g. `ip,reg0=0x5,nw_dst=10.0.0.1`. */
export function formatMatch(m: Match): string { void m; return ''; }
