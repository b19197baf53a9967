import { SdkError } from '../errors.js';

/**
 * Every error thrown by `src/ipam`. Each failure has its own subclass with a stable `code`
 * (listed in docs/errors/ipam.md) and carries the offending value in `value`.
 */
export abstract class IpamError extends SdkError {
  /** The input that was refused, verbatim (an address, a CIDR, a range, a MAC, a name). */
  readonly value: string;
  constructor(code: string, message: string, value: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.value = value;
  }
}

/** A CIDR that does not parse, has host bits set, or has no usable address (/32, /128). */
export class InvalidCidrError extends IpamError {
  constructor(value: string, reason: string, options?: { cause?: unknown }) {
    super('IPAM_INVALID_CIDR', `invalid CIDR ${JSON.stringify(value)}: ${reason}`, value, options);
  }
}

/** An IP address that does not parse (or has a prefix length or zone where none is allowed). */
export class InvalidAddressError extends IpamError {
  constructor(value: string, reason: string, options?: { cause?: unknown }) {
    super('IPAM_INVALID_ADDRESS', `invalid IP address ${JSON.stringify(value)}: ${reason}`, value, options);
  }
}

/** An exclude entry `a..b` whose ends do not parse, mix families, or run backwards. */
export class InvalidRangeError extends IpamError {
  constructor(value: string, reason: string, options?: { cause?: unknown }) {
    super('IPAM_INVALID_RANGE', `invalid IP range ${JSON.stringify(value)}: ${reason}`, value, options);
  }
}

/** A MAC address that is not six colon- or dash-separated hex octets, or is a group (multicast) address. */
export class InvalidMacError extends IpamError {
  constructor(value: string, reason: string) {
    super('IPAM_INVALID_MAC', `invalid MAC address ${JSON.stringify(value)}: ${reason}`, value);
  }
}

/** An address (static request, restored record, gateway) that lies outside every CIDR of the subnet. */
export class AddressOutsideCidrError extends IpamError {
  /** The subnet's CIDR block, e.g. `10.16.0.0/16` or `10.16.0.0/16,fd00:10:16::/64`. */
  readonly cidr: string;
  constructor(value: string, cidr: string, what = 'address') {
    super('IPAM_ADDRESS_OUTSIDE_CIDR', `${what} ${value} is outside ${cidr}`, value);
    this.cidr = cidr;
  }
}

/** An exclude entry (single address or range) not wholly inside the subnet's CIDR of its family. */
export class ExcludeOutsideCidrError extends IpamError {
  readonly cidr: string;
  constructor(value: string, cidr: string) {
    super('IPAM_EXCLUDE_OUTSIDE_CIDR', `exclude entry ${value} is not inside ${cidr}`, value);
    this.cidr = cidr;
  }
}

/** A gateway that is the network (subnet number) or the last (broadcast) address of its CIDR. */
export class GatewayReservedError extends IpamError {
  readonly cidr: string;
  constructor(value: string, cidr: string, which: 'network' | 'broadcast') {
    super('IPAM_GATEWAY_RESERVED', `gateway ${value} is the ${which} address of ${cidr}`, value);
    this.cidr = cidr;
  }
}

/**
 * A statically requested or restored address that cannot be handed out: the network or last address of
 * its CIDR (Kube-OVN answers `ErrNoAvailable`). Excluded addresses are granted to static requests, as
 * in Kube-OVN (`Subnet.GetStaticAddress`), unless the allocator was built with `grantExcluded: false`.
 */
export class AddressExcludedError extends IpamError {
  constructor(value: string) {
    super('IPAM_ADDRESS_EXCLUDED', `address ${value} is excluded from allocation`, value);
  }
}

/**
 * A static request for the subnet's gateway address. Kube-OVN v1.12 would grant it (the gateway is only
 * an exclude entry there); this IPAM refuses it, because the VPC router port answers on that address.
 */
export class AddressIsGatewayError extends IpamError {
  constructor(value: string) {
    super('IPAM_ADDRESS_IS_GATEWAY', `address ${value} is the subnet's gateway`, value);
  }
}

/** A statically requested or restored address that another owner already holds. */
export class AddressTakenError extends IpamError {
  /** The current holder of the address. */
  readonly owner: string;
  /** The owner that asked for it. */
  readonly requester: string;
  constructor(value: string, owner: string, requester: string) {
    super('IPAM_ADDRESS_TAKEN', `address ${value} requested by ${requester} is already held by ${owner}`, value);
    this.owner = owner;
    this.requester = requester;
  }
}

/** No free address is left in the CIDR (value = the CIDR). */
export class SubnetExhaustedError extends IpamError {
  readonly requester: string;
  constructor(value: string, requester: string) {
    super('IPAM_SUBNET_EXHAUSTED', `no free address left in ${value} for ${requester}`, value);
    this.requester = requester;
  }
}

/** Two subnets in the same scope (VPC) whose CIDRs overlap (value = the new CIDR). */
export class SubnetOverlapError extends IpamError {
  readonly subnet: string;
  readonly otherSubnet: string;
  readonly otherCidr: string;
  constructor(value: string, subnet: string, otherSubnet: string, otherCidr: string) {
    super('IPAM_SUBNET_OVERLAP', `subnet ${subnet} (${value}) overlaps subnet ${otherSubnet} (${otherCidr})`, value);
    this.subnet = subnet;
    this.otherSubnet = otherSubnet;
    this.otherCidr = otherCidr;
  }
}

/** A subnet name registered twice with an {@link Ipam} (value = the name). */
export class DuplicateSubnetError extends IpamError {
  constructor(value: string) {
    super('IPAM_DUPLICATE_SUBNET', `subnet ${value} is already registered`, value);
  }
}

/** A subnet name the {@link Ipam} does not know (value = the name). */
export class UnknownSubnetError extends IpamError {
  constructor(value: string) {
    super('IPAM_UNKNOWN_SUBNET', `no subnet named ${value}`, value);
  }
}

/** A statically requested or restored MAC that another owner already holds. */
export class MacTakenError extends IpamError {
  readonly owner: string;
  readonly requester: string;
  constructor(value: string, owner: string, requester: string) {
    super('IPAM_MAC_TAKEN', `MAC ${value} requested by ${requester} is already held by ${owner}`, value);
    this.owner = owner;
    this.requester = requester;
  }
}

/** All 2^24 MACs under the `00:00:00` prefix are in use (value = the prefix). */
export class MacExhaustedError extends IpamError {
  constructor(value: string) {
    super('IPAM_MAC_EXHAUSTED', `no free MAC left under prefix ${value}`, value);
  }
}

/**
 * An owner that already holds an allocation asked for a different static address or MAC
 * (value = the new request). Release it first to move it.
 */
export class OwnerConflictError extends IpamError {
  readonly owner: string;
  /** What the owner holds now, e.g. `10.16.0.2` or `00:00:00:12:34:56`. */
  readonly current: string;
  constructor(value: string, owner: string, current: string) {
    super('IPAM_OWNER_CONFLICT', `${owner} already holds ${current}, cannot switch to ${value} without release`, value);
    this.owner = owner;
    this.current = current;
  }
}
