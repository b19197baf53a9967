/**
 * openflow: OpenFlow 1.0/1.3/1.4/1.5 with the Nicira extensions OVN uses — framing, typed messages
 * (encode/decode), matches, actions and instructions, the ovs-ofctl flow syntax, ofp-print text,
 * and controller / client connections over the transport seam. Codecs are sans-I/O.
 */
export { OFP_VERSION, versionName } from './version.js';
export type { OfVersion } from './version.js';
export { OfFramer, OfFramingError, OFP_HEADER_LEN } from './framer.js';
export * from './messages/index.js';
export * from './connection/index.js';
export * from './match/index.js';
export * from './actions/index.js';
export * from './text/index.js';
