/**
 * Semantic checks a switch applies after decoding (OpenFlow 1.5.1 error codes; the cases where OVS
 * 3.1 refuses a well-formed message). decodeMessage stays permissive so that any well-framed message
 * can be inspected and re-encoded; validateMessage says whether a switch would accept it.
 */
import { OfValidationError } from './errors.js';
import type { OfMessage } from './types.js';

/** Mask bits defined per async-config property type (OpenFlow 1.5.1 §7.3.10), index = type >> 1. */
const ASYNC_BITS = [0x3f, 0x07, 0x3f, 0x07, 0x18, 0x03];

/**
 * Throws if a switch would reject the message; returns it otherwise.
 *
 * @example
 * validateMessage(decodeMessage(bytes)); // OfValidationError with ofpError 'OFPMMFC_BAD_BAND', …
 * @param nested whether a bundled message is checked too (default); OVS's decoder of the bundle
 *   itself checks only the outer rules (xid), which is what ofp-print reports.
 * @throws OfValidationError `OF_MSG_INVALID`, `ofpError` naming the OpenFlow error a switch sends
 */
export function validateMessage<M extends OfMessage>(m: M, nested = true): M {
  switch (m.type) {
    case 'meterMod':
      if (m.command > 2) throw new OfValidationError('OFPMMFC_BAD_COMMAND', `meter_mod command ${m.command}`);
      if (m.flags & ~0xf || (m.flags & 3) === 3) throw new OfValidationError('OFPMMFC_BAD_FLAGS', `meter_mod flags 0x${m.flags.toString(16)}`);
      for (const b of m.bands) {
        if (b.bandType !== 1 && b.bandType !== 2 && b.bandType !== 0xffff) throw new OfValidationError('OFPMMFC_BAD_BAND', `meter band type ${b.bandType}`);
      }
      break;
    case 'setAsync':
    case 'getAsyncReply':
      for (const p of m.properties ?? []) {
        if (!('mask' in p)) continue;
        const allowed = ASYNC_BITS[p.propType >> 1];
        if (allowed === undefined) throw new OfValidationError('OFPACFC_UNSUPPORTED', `async property type ${p.propType}`);
        if (p.mask & ~allowed) throw new OfValidationError('OFPACFC_INVALID', `async property ${p.propType} mask 0x${p.mask.toString(16)}`);
      }
      break;
    case 'bundleAdd':
      if (m.message.xid !== m.xid) {
        throw new OfValidationError('OFPBFC_MSG_BAD_XID', `bundled message xid 0x${m.message.xid.toString(16)} differs from 0x${m.xid.toString(16)}`);
      }
      if (nested) validateMessage(m.message);
      break;
  }
  return m;
}
