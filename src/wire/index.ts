/**
 * wire/: the one reader and the one writer that own buffer offsets for the binary codecs
 * (openflow, geneve), plus hex helpers. No I/O here.
 *
 * Published as `ovn-sdk/internal/wire`: an implementation layer of the codecs, outside the semver
 * promise (`WireError`, which codecs may throw, is exported from `ovn-sdk/openflow` and `ovn-sdk/geneve`).
 */
export { ByteReader } from './byte-reader.js';
export { ByteWriter } from './byte-writer.js';
export { WireError } from './errors.js';
export { toHex, fromHex } from './hex.js';
export {
  ipv4FromText,
  ipv6FromText,
  ipFromText,
  macFromText,
  formatIpv4,
  formatIpv6,
  formatIp,
  formatMac,
} from './address.js';
