/**
 * openflow/messages/: every OpenFlow message as a typed object, encode/decode both ways, the
 * ovs-ofctl ofp-print text of whole messages, hello version negotiation and multipart reassembly.
 */
export type * from './types.js';
export type * from './ext-types.js';
export * from './constants.js';
export { decodeMessage } from './decode.js';
export { encodeMessage } from './encode.js';
export { OfMessageError, OfNegotiationError, OfMultipartError, OfValidationError } from './errors.js';
export type { OfMessageErrorCode } from './errors.js';
export { helloFor, helloVersions, negotiateVersion } from './negotiation.js';
export { MultipartAssembler } from './multipart.js';
export { flowModFromSpec } from './builders.js';
export type { FlowModForm, FlowModOptions } from './builders.js';
export { formatMessage } from './format.js';
export { hexDump } from './text-helpers.js';
export { errorName, OFP_ERROR_CODES } from './error-names.js';
export { validateMessage } from './validate.js';
export { NXST, NXT_EXT, ONFST, ONFT } from './ext.js';
export { NXFME, NXFMF, OFPFME, OFPFMF14, monitorRequestError } from './flow-monitor.js';
export { NXT_CT, NXT_CT_TUPLE, ctFlushError } from './ct-flush.js';
