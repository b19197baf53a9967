import { SdkError } from '../errors.js';

/**
 * Every error of the database-free Kube-OVN model (src/kube/subnet-model.ts; this file is src/kube/model-errors.ts). Each failure has its own
 * subclass and stable `code` (docs/errors/kube-model.md); `value` is the offending value and `subnet`
 * the subnet it belongs to, when there is one. IPAM errors met while planning (a static IP that is
 * taken, excluded or outside the CIDR, a MAC that is taken, an exhausted subnet) are thrown as they
 * are — see docs/errors/ipam.md.
 */
export abstract class KubeModelError extends SdkError {
  readonly value: string;
  readonly subnet: string | undefined;
  constructor(code: string, message: string, value: string, subnet?: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.value = value;
    this.subnet = subnet;
  }
}

/** `cidrBlock` does not parse, has host bits set, is /32 or /128, or is not one IPv4 + one IPv6 CIDR. */
export class SubnetCidrError extends KubeModelError {
  constructor(subnet: string, value: string, cause: unknown) {
    super(
      'KUBE_SUBNET_INVALID_CIDR',
      `subnet ${subnet}: invalid cidrBlock ${JSON.stringify(value)}: ${msg(cause)}`,
      value,
      subnet,
      { cause },
    );
  }
}

/** An `excludeIps` entry that is not an address or a range `a..b` with a ≤ b of one family. */
export class SubnetExcludeError extends KubeModelError {
  constructor(subnet: string, value: string, cause: unknown) {
    super(
      'KUBE_SUBNET_INVALID_EXCLUDE',
      `subnet ${subnet}: invalid excludeIps entry ${JSON.stringify(value)}: ${msg(cause)}`,
      value,
      subnet,
      { cause },
    );
  }
}

/**
 * An `excludeIps` entry that is not wholly inside the subnet's CIDR of its family.
 * @deprecated no longer thrown by the model: such entries are clipped, as Kube-OVN clips them.
 */
export class ExcludeOutsideSubnetError extends KubeModelError {
  constructor(subnet: string, value: string, cidr: string) {
    super(
      'KUBE_SUBNET_EXCLUDE_OUTSIDE_CIDR',
      `subnet ${subnet}: excludeIps entry ${value} is outside ${cidr}`,
      value,
      subnet,
    );
  }
}

/** A `gateway` that does not parse (or names two gateways of one family). */
export class SubnetGatewayError extends KubeModelError {
  constructor(subnet: string, value: string, cause: unknown) {
    super(
      'KUBE_SUBNET_INVALID_GATEWAY',
      `subnet ${subnet}: invalid gateway ${JSON.stringify(value)}: ${msg(cause)}`,
      value,
      subnet,
      { cause },
    );
  }
}

/** A `gateway` outside the subnet's CIDR. */
export class GatewayOutsideSubnetError extends KubeModelError {
  constructor(subnet: string, value: string, cidr: string) {
    super('KUBE_SUBNET_GATEWAY_OUTSIDE_CIDR', `subnet ${subnet}: gateway ${value} is outside ${cidr}`, value, subnet);
  }
}

/** A `gateway` that is the network or the broadcast (last) address of its CIDR. */
export class GatewayReservedAddressError extends KubeModelError {
  constructor(subnet: string, value: string, cause: unknown) {
    super('KUBE_SUBNET_GATEWAY_RESERVED', `subnet ${subnet}: ${msg(cause)}`, value, subnet, { cause });
  }
}

/** `u2oInterconnectionIP` that does not parse or lies outside the CIDR. */
export class U2oAddressError extends KubeModelError {
  constructor(subnet: string, value: string, reason: string) {
    super(
      'KUBE_SUBNET_INVALID_U2O_IP',
      `subnet ${subnet}: u2oInterconnectionIP ${JSON.stringify(value)}: ${reason}`,
      value,
      subnet,
    );
  }
}

/** A Vlan Kube-OVN's validator refuses: id outside 0..4095, no provider; or a name listed twice. */
export class VlanFieldError extends KubeModelError {
  readonly vlan: string;
  readonly field: string;
  constructor(vlan: string, field: string, value: string, reason: string) {
    super('KUBE_VLAN_INVALID', `vlan ${vlan}: ${field} ${JSON.stringify(value)}: ${reason}`, value);
    this.vlan = vlan;
    this.field = field;
  }
}

/** A subnet's `vlan` names no Vlan of the desired state (Kube-OVN: the subnet is not set up). */
export class UnknownVlanError extends KubeModelError {
  constructor(subnet: string, vlan: string) {
    super('KUBE_UNKNOWN_VLAN', `subnet ${subnet}: vlan ${JSON.stringify(vlan)} is not defined`, vlan, subnet);
  }
}

/** A `natOutgoingPolicyRules` entry Kube-OVN's validator refuses (or, beyond it, a bad action or empty match). */
export class NatPolicyRuleError extends KubeModelError {
  /** Index of the rule in `natOutgoingPolicyRules`. */
  readonly index: number;
  /** `match`, `match.srcIPs`, `match.dstIPs` or `action`. */
  readonly field: string;
  constructor(subnet: string, index: number, field: string, value: string, reason: string) {
    super(
      'KUBE_SUBNET_INVALID_NAT_POLICY_RULE',
      `subnet ${subnet}: natOutgoingPolicyRules[${index}].${field} ${JSON.stringify(value)}: ${reason}`,
      value,
      subnet,
    );
    this.index = index;
    this.field = field;
  }
}

/**
 * `protocol` disagrees with the CIDR block (IPv4, IPv6 or Dual).
 * @deprecated no longer thrown: the model overwrites the protocol from the CIDR block, as Kube-OVN does.
 */
export class ProtocolMismatchError extends KubeModelError {
  readonly expected: string;
  constructor(subnet: string, value: string, expected: string) {
    super(
      'KUBE_SUBNET_PROTOCOL_MISMATCH',
      `subnet ${subnet}: protocol ${value} but cidrBlock is ${expected}`,
      value,
      subnet,
    );
    this.expected = expected;
  }
}

/** A field with a value outside its enumeration, or an empty name (`field` says which). */
export class SubnetFieldError extends KubeModelError {
  readonly field: string;
  constructor(subnet: string, field: string, value: string, allowed: string) {
    super(
      'KUBE_SUBNET_INVALID_FIELD',
      `subnet ${subnet}: ${field} ${JSON.stringify(value)} is not ${allowed}`,
      value,
      subnet,
    );
    this.field = field;
  }
}

/** Two subnets with one name (value = the name). */
export class DuplicateSubnetNameError extends KubeModelError {
  constructor(value: string) {
    super('KUBE_DUPLICATE_SUBNET', `subnet ${value} is defined twice`, value, value);
  }
}

/** A subnet whose `vpc` is not among the VPCs given (value = the VPC name). */
export class UnknownVpcError extends KubeModelError {
  constructor(subnet: string, value: string) {
    super('KUBE_UNKNOWN_VPC', `subnet ${subnet}: vpc ${value} does not exist`, value, subnet);
  }
}

/** Two subnets of one VPC whose CIDRs overlap (value = this subnet's overlapping CIDR). */
export class SubnetsOverlapError extends KubeModelError {
  readonly otherSubnet: string;
  readonly otherCidr: string;
  readonly vpc: string;
  constructor(subnet: string, value: string, otherSubnet: string, otherCidr: string, vpc: string) {
    super(
      'KUBE_SUBNET_OVERLAP',
      `subnet ${subnet} (${value}) overlaps subnet ${otherSubnet} (${otherCidr}) in vpc ${vpc}`,
      value,
      subnet,
    );
    this.otherSubnet = otherSubnet;
    this.otherCidr = otherCidr;
    this.vpc = vpc;
  }
}

/**
 * A namespace listed by two subnets (value = the namespace).
 * @deprecated no longer thrown: a namespace may be in several subnets, as in Kube-OVN.
 */
export class NamespaceConflictError extends KubeModelError {
  readonly otherSubnet: string;
  constructor(value: string, subnet: string, otherSubnet: string) {
    super(
      'KUBE_NAMESPACE_CONFLICT',
      `namespace ${value} is claimed by subnets ${otherSubnet} and ${subnet}`,
      value,
      subnet,
    );
    this.otherSubnet = otherSubnet;
  }
}

/** More than one subnet with `default: true` (value = the second one's name). */
export class MultipleDefaultSubnetsError extends KubeModelError {
  readonly otherSubnet: string;
  constructor(value: string, otherSubnet: string) {
    super('KUBE_MULTIPLE_DEFAULT_SUBNETS', `subnets ${otherSubnet} and ${value} are both default`, value, value);
    this.otherSubnet = otherSubnet;
  }
}

/** A namespace no subnet lists, with no default subnet to fall back on (value = the namespace). */
export class NoSubnetForNamespaceError extends KubeModelError {
  constructor(value: string) {
    super('KUBE_NO_SUBNET_FOR_NAMESPACE', `no subnet lists namespace ${value} and there is no default subnet`, value);
  }
}

/** A pod or node that names a subnet that does not exist (value = the subnet name). */
export class UnknownSubnetNameError extends KubeModelError {
  constructor(value: string, who: string) {
    super('KUBE_UNKNOWN_SUBNET', `${who} refers to subnet ${value}, which does not exist`, value, value);
  }
}

/** Deleting a subnet that still has pods (value = the subnet; `ports` = their port names). */
export class SubnetInUseError extends KubeModelError {
  readonly ports: readonly string[];
  constructor(value: string, ports: readonly string[]) {
    super(
      'KUBE_SUBNET_IN_USE',
      `subnet ${value} still has ${ports.length} pod(s): ${ports.slice(0, 5).join(', ')}${ports.length > 5 ? ', …' : ''}`,
      value,
      value,
    );
    this.ports = ports;
  }
}

/** The same pod (namespace/name) or node listed twice (value = the port / record name). */
export class DuplicatePodError extends KubeModelError {
  constructor(value: string) {
    super('KUBE_DUPLICATE_POD', `${value} is listed twice`, value);
  }
}

/** A pod with an empty name, namespace or node (value = the field's content; `field` says which). */
export class PodFieldError extends KubeModelError {
  readonly field: string;
  constructor(field: string, value: string, pod: string) {
    super('KUBE_POD_INVALID_FIELD', `pod ${pod}: ${field} ${JSON.stringify(value)} is not a valid name`, value);
    this.field = field;
  }
}

function msg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A name Kubernetes would not admit (issue #14 item 6): `rule` is `dns1123-label` (namespaces: lower-case
 * alphanumerics and `-`, ≤ 63) or `dns1123-subdomain` (pods, nodes, subnets, VPCs: labels joined by `.`,
 * ≤ 253). `field` names where it was found, e.g. `pod.namespace`.
 */
export class KubeNameError extends KubeModelError {
  readonly field: string;
  readonly rule: string;
  constructor(field: string, value: string, rule: string, owner?: string) {
    const limit =
      rule === 'dns1123-label'
        ? 'an RFC 1123 label (a-z, 0-9, "-", at most 63)'
        : 'an RFC 1123 subdomain (a-z, 0-9, "-", ".", at most 253)';
    super(
      'KUBE_INVALID_NAME',
      `${owner === undefined ? '' : `${owner}: `}${field} ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} is not ${limit}`,
      value,
    );
    this.field = field;
    this.rule = rule;
  }
}

/** A `cidrBlock` that overlaps a range Kube-OVN's `util.CIDRGlobalUnicast` refuses (`reserved` says which). */
export class SubnetReservedCidrError extends KubeModelError {
  readonly reserved: string;
  constructor(subnet: string, value: string, reserved: string, what: string) {
    super(
      'KUBE_SUBNET_RESERVED_CIDR',
      `subnet ${subnet}: cidrBlock ${value} overlaps the ${what} range ${reserved}`,
      value,
      subnet,
    );
    this.reserved = reserved;
  }
}

/** An address field written with upper-case letters (Kube-OVN's validator refuses upper-case IPv6 text). */
export class SubnetUppercaseAddressError extends KubeModelError {
  readonly field: string;
  constructor(subnet: string, field: string, value: string) {
    super(
      'KUBE_SUBNET_UPPERCASE_ADDRESS',
      `subnet ${subnet}: ${field} ${JSON.stringify(value)} must be lower case`,
      value,
      subnet,
    );
    this.field = field;
  }
}

/** A subnet with the name of a VPC (Kube-OVN's webhook: "vpc and subnet cannot have the same name"). */
export class SubnetNamedLikeVpcError extends KubeModelError {
  constructor(value: string) {
    super('KUBE_SUBNET_NAMED_LIKE_VPC', `subnet ${value} has the name of a VPC`, value, value);
  }
}

/**
 * A subnet of a custom VPC listing a namespace the VPC does not list (Kube-OVN's
 * validateVpcBySubnet / webhook: "namespace '%s' is out of range to custom vpc '%s'"). value = the namespace.
 */
export class NamespaceOutsideVpcError extends KubeModelError {
  readonly vpc: string;
  constructor(subnet: string, value: string, vpc: string) {
    super(
      'KUBE_NAMESPACE_OUTSIDE_VPC',
      `subnet ${subnet}: namespace ${value} is out of range of custom vpc ${vpc}`,
      value,
      subnet,
    );
    this.vpc = vpc;
  }
}

/**
 * A subnet of the default VPC lists a namespace a custom VPC lists (Kube-OVN validateVpcBySubnet: "namespaces
 * … are overlap with vpc"): the namespace's pods belong to the custom VPC. value = the namespace, `vpc` = the
 * custom VPC.
 */
export class NamespaceOfCustomVpcError extends KubeModelError {
  readonly vpc: string;
  constructor(subnet: string, value: string, vpc: string) {
    super(
      'KUBE_NAMESPACE_OF_CUSTOM_VPC',
      `subnet ${subnet} (default vpc): namespace ${value} belongs to custom vpc ${vpc}`,
      value,
      subnet,
    );
    this.vpc = vpc;
  }
}

/** A VPC static or policy route that does not parse (`field` says which part). value = the offending text. */
export class VpcRouteError extends KubeModelError {
  readonly vpc: string;
  readonly field: string;
  constructor(vpc: string, field: string, value: string, reason: string) {
    super('KUBE_VPC_INVALID_ROUTE', `vpc ${vpc}: ${field} ${JSON.stringify(value)}: ${reason}`, value);
    this.vpc = vpc;
    this.field = field;
  }
}

/**
 * Changing a subnet's gateway while IPs are in use (Kube-OVN's SubnetUpdateHook: "can't update gateway of
 * cidr when any IPs in Using"). value = the new gateway; `current` = the gateway in NB; `ports` = users.
 */
export class SubnetGatewayInUseError extends KubeModelError {
  readonly current: string;
  readonly ports: readonly string[];
  constructor(subnet: string, value: string, current: string, ports: readonly string[]) {
    super(
      'KUBE_SUBNET_GATEWAY_IN_USE',
      `subnet ${subnet}: cannot change gateway ${current} to ${value} while ${ports.length} IP(s) are in use`,
      value,
      subnet,
    );
    this.current = current;
    this.ports = ports;
  }
}

/**
 * A pod with an `ipPool` none of whose addresses can be had (all held by other pods, excluded or outside
 * its subnets), or a StatefulSet pod whose ordinal is past the end of the list (Kube-OVN answers
 * `NoAvailableAddress`). value = the pool text; `pod` = the port name.
 */
export class IpPoolExhaustedError extends KubeModelError {
  readonly pod: string;
  constructor(pod: string, value: string, reason: string) {
    super(
      'KUBE_IP_POOL_EXHAUSTED',
      `pod ${pod}: no address of ip_pool ${JSON.stringify(value)} is available (${reason})`,
      value,
    );
    this.pod = pod;
  }
}

/**
 * An IPPool field Kube-OVN refuses (CRD schema: `ips` one or more addresses, `a..b` ranges or CIDRs) or a
 * pool name listed twice. value = the offending text; `pool` and `field` (`name`, `ips`, `ips[<i>]`) say where.
 */
export class IpPoolFieldError extends KubeModelError {
  readonly pool: string;
  readonly field: string;
  constructor(pool: string, field: string, value: string, reason: string) {
    super('KUBE_IP_POOL_INVALID_FIELD', `ippool ${pool}: ${field} ${JSON.stringify(value)}: ${reason}`, value);
    this.pool = pool;
    this.field = field;
  }
}

/**
 * Two IPPools of one subnet sharing an address (Kube-OVN AddOrUpdateIPPool: "ippool %s has conflict IPs with
 * ippool %s"). value = the first shared address; `pool` the later pool, `other` the earlier one.
 */
export class IpPoolOverlapError extends KubeModelError {
  readonly pool: string;
  readonly other: string;
  constructor(pool: string, other: string, subnet: string, value: string) {
    super(
      'KUBE_IP_POOL_OVERLAP',
      `ippool ${pool} has conflict IPs with ippool ${other} in subnet ${subnet}: ${value}`,
      value,
      subnet,
    );
    this.pool = pool;
    this.other = other;
  }
}

/** A pod whose `ipPool` annotation names no IPPool of the desired state. value = the name; `pod` = the port name. */
export class UnknownIpPoolError extends KubeModelError {
  readonly pod: string;
  readonly field = 'ipPool';
  constructor(pod: string, value: string) {
    super('KUBE_UNKNOWN_IP_POOL', `pod ${pod}: ipPool names no IPPool ${JSON.stringify(value)}`, value);
    this.pod = pod;
  }
}

/**
 * A pod whose IPPool (named in `ipPool`, or listing its namespace) belongs to a subnet the pod may not use
 * (Kube-OVN looks the pool up in the pod's subnet and finds none: `NoAvailableAddress`). value = the pool.
 */
export class IpPoolSubnetError extends KubeModelError {
  readonly pod: string;
  readonly field = 'ipPool';
  readonly candidates: readonly string[];
  constructor(pod: string, value: string, subnet: string, candidates: readonly string[]) {
    super(
      'KUBE_IP_POOL_WRONG_SUBNET',
      `pod ${pod}: ippool ${value} is in subnet ${subnet}, not in the pod's subnet(s) ${candidates.join(', ')}`,
      value,
      subnet,
    );
    this.pod = pod;
    this.candidates = candidates;
  }
}

/**
 * A Vip field this model refuses: `ip` not an IPv4 address, `v6ip` not an IPv6 address (or upper case),
 * `macAddress` not a MAC, `type` not `''` / `switch_lb_vip`, or a `switch_lb_vip` in a subnet without a router
 * port (Kube-OVN: "logical router port ... should have mac"). value = the offending text; `vip`, `field`.
 */
export class VipFieldError extends KubeModelError {
  readonly vip: string;
  readonly field: string;
  constructor(vip: string, field: string, value: string, reason: string) {
    super('KUBE_VIP_INVALID_FIELD', `vip ${vip}: ${field} ${JSON.stringify(value)}: ${reason}`, value);
    this.vip = vip;
    this.field = field;
  }
}
