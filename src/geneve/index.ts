/**
 * geneve/: GENEVE (RFC 8926) header and options, OVN's metadata option, the outer packet
 * (Ethernet / 802.1Q / IPv4 / IPv6 / UDP) with checksums, inner-frame summaries, pcap / pcapng
 * reading and writing, and "explain" (frames in logical OVN names). Sans-I/O throughout.
 */
export { SdkError } from '../errors.js';
export { WireError } from '../wire/errors.js';
export {
  GENEVE_UDP_PORT,
  GENEVE_FIXED_HEADER_LENGTH,
  GENEVE_MAX_OPTIONS_LENGTH,
  GENEVE_MAX_OPTION_DATA_LENGTH,
  GENEVE_VERSION,
  GENEVE_OPTION_CRITICAL,
  PROTOCOL_TYPE,
  ETHERTYPE,
  IP_PROTOCOL,
  OVN_GENEVE,
  LINKTYPE,
} from './constants.js';
export {
  GeneveError,
  GeneveTruncatedError,
  GeneveVersionError,
  GeneveOptionsPastEndError,
  GeneveOptionOverrunError,
  GeneveOptionsTooLongError,
  GeneveOptionDataLengthError,
  GeneveReservedBitsError,
  GeneveCriticalNotFlaggedError,
  GeneveCriticalWithoutOptionError,
  OvnOptionError,
  PacketTruncatedError,
  NotGeneveError,
  PacketMalformedError,
  EncapsulationError,
  UnsupportedLinkTypeError,
  PcapFormatError,
  PcapTruncatedError,
  PcapBlockError,
  PcapWriteError,
} from './errors.js';
export {
  decodeGeneve,
  encodeGeneve,
  encodeGeneveInto,
  geneveHeaderLength,
  isCriticalOption,
  GeneveView,
  type GeneveOption,
  type GeneveOptionInput,
  type GeneveHeader,
  type DecodedGeneve,
  type GeneveWarning,
  type GeneveWarningCode,
  type GeneveDecodeOptions,
  type GeneveHeaderInput,
} from './header.js';
export {
  ovnMetadataOption,
  parseOvnMetadata,
  findOvnMetadata,
  isOvnMetadataOption,
  ovnMetadataWord,
  type OvnMetadata,
} from './ovn-option.js';
export {
  decapsulate,
  encapsulate,
  Encapsulator,
  onesSum,
  foldChecksum,
  type VlanTag,
  type EthernetHeader,
  type Ipv4Header,
  type Ipv6Header,
  type UdpHeader,
  type ChecksumStatus,
  type GeneveFrame,
  type DecapsulateOptions,
  type Tunnel,
  type TunnelEthernet,
  type TunnelIpv4,
  type TunnelIpv6,
} from './packet.js';
export { InnerView, summarizeInner, summarizeGeneve } from './inner.js';
// Bytes <-> text; named apart from ovn-sdk/ipam's formatMac/parseMac (48-bit integers).
export {
  formatMac as formatMacBytes,
  formatIp,
  formatIpv4,
  formatIpv6,
  parseMac as parseMacBytes,
  parseIpv4,
  parseIpv6,
  type MacInput,
  type IpInput,
} from './addr.js';
export {
  CaptureParser,
  CaptureWriter,
  readCapture,
  parseCapture,
  type CaptureRecord,
  type CaptureInterface,
  type CaptureFormat,
  type CaptureWriterOptions,
} from './pcap.js';
export {
  logicalNamesFromRows,
  // From rows in OVSDB notation; ovn-sdk/ovn-sb's logicalNamesFromSb takes its SbView.
  logicalNamesFromSb as logicalNamesFromSbSnapshot,
  explainGeneve,
  explainCapture,
  describeInner,
  type LogicalNames,
  type DatapathRow,
  type PortRow,
  type MulticastGroupRow,
  type SbSnapshot,
  type SbUuid,
  type SbStringMap,
  type ExplainedFrame,
  type ExplainedRecord,
} from './explain.js';
