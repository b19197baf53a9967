/**
 * IPAM: CIDR math, per-subnet address allocation with exclude lists and gateways, dual stack, MAC
 * generation, and Kube-OVN's used/available counts. Stands alone (no database, no I/O).
 *
 * Counting follows Kube-OVN (pkg/controller/subnet.go calcSubnetStatusIP / calcDualSubnetStatusIP and
 * pkg/util AddressCount, ExpandExcludeIPs, CountIPNums):
 * - available = AddressCount(cidr) − excluded − used, floored at 0, where AddressCount is
 *   2^(bits − prefix) − 2 for IPv4 *and* IPv6 (2 for a /31 or /127);
 * - excluded counts each exclude address once, only where it is a usable address (the network and
 *   last address are not counted), after merging overlapping entries (Kube-OVN formats excludeIps
 *   that way before counting);
 * - the gateway is always in the exclude list (Kube-OVN appends it when no entry covers it), so it is
 *   counted once, as excluded;
 * - used counts owners; in a dual-stack subnet each owner holds one address per family, so V4USED and
 *   V6USED are equal, as in Kube-OVN.
 * Kube-OVN keeps these numbers in float64; here they are exact bigints (they differ only above 2^53,
 * e.g. a /64's 2^64 − 2).
 */
export { SdkError } from '../errors.js';
export {
  type Cidr,
  type IpFamily,
  type IpRange,
  type ParsedAddress,
  canonicalAddress,
  cidrContains,
  cidrsOverlap,
  familyBits,
  formatAddress,
  formatRange,
  kubeAddressCount,
  parseAddress,
  parseCidr,
  parseCidrBlock,
  parseIpRange,
} from './address.js';
export {
  AddressExcludedError,
  AddressIsGatewayError,
  AddressOutsideCidrError,
  AddressTakenError,
  DuplicateSubnetError,
  ExcludeOutsideCidrError,
  GatewayReservedError,
  InvalidAddressError,
  InvalidCidrError,
  InvalidMacError,
  InvalidRangeError,
  IpamError,
  MacExhaustedError,
  MacTakenError,
  OwnerConflictError,
  SubnetExhaustedError,
  SubnetOverlapError,
  UnknownSubnetError,
} from './errors.js';
export { Ipam, type IpamOptions, type NamedSubnetSpec } from './ipam.js';
export { MAC_PREFIX, MacRegistry, type MacRegistryOptions, formatMac, normalizeMac, parseMac } from './mac.js';
export { RunSet, mergeRuns, subtractRuns } from './run-set.js';
export {
  type Allocation,
  type AllocationRequest,
  type ExistingRecord,
  SubnetAllocator,
  type SubnetAllocatorOptions,
  type SubnetSpec,
  type SubnetUsage,
} from './subnet-allocator.js';
