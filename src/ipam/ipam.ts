/**
 * Several subnets under one roof: names, overlap checks within a scope (a VPC), and one MAC registry so
 * MACs are unique across all of them.
 */
import { cidrsOverlap, parseCidrBlock } from './address.js';
import { DuplicateSubnetError, SubnetOverlapError, UnknownSubnetError } from './errors.js';
import { MacRegistry } from './mac.js';
import { SubnetAllocator, type SubnetSpec } from './subnet-allocator.js';

/** A subnet spec plus the scope its CIDRs must not overlap in. */
export interface NamedSubnetSpec extends SubnetSpec {
  /** Overlap scope, e.g. the VPC name. Subnets in different scopes may overlap. Default `''`. */
  readonly scope?: string;
}

/** Options of an {@link Ipam}. */
export interface IpamOptions {
  /** Seed of the shared MAC generator (deterministic MACs). Default random. */
  readonly macSeed?: number;
  /** Generate MACs for owners that do not ask for one. Default true. */
  readonly generateMacs?: boolean;
}

/**
 * A set of named subnets sharing one MAC registry.
 *
 * @example
 * const ipam = new Ipam({ macSeed: 7 });
 * ipam.addSubnet('ovn-default', { cidr: '10.16.0.0/16', scope: 'ovn-cluster' });
 * ipam.subnet('ovn-default').allocate('pod1.default');
 *
 * @throws (addSubnet) SubnetOverlapError `IPAM_SUBNET_OVERLAP`, DuplicateSubnetError `IPAM_DUPLICATE_SUBNET`,
 *   and the constructor errors of {@link SubnetAllocator}
 */
export class Ipam {
  readonly macs: MacRegistry;
  private readonly generateMacs: boolean;
  private readonly entries = new Map<string, { scope: string; allocator: SubnetAllocator }>();

  constructor(options: IpamOptions = {}) {
    this.macs = new MacRegistry(options.macSeed === undefined ? {} : { seed: options.macSeed });
    this.generateMacs = options.generateMacs ?? true;
  }

  /** Register a subnet. Nothing is registered when an error is thrown. */
  addSubnet(name: string, spec: NamedSubnetSpec): SubnetAllocator {
    if (this.entries.has(name)) throw new DuplicateSubnetError(name);
    const scope = spec.scope ?? '';
    const cidrs = parseCidrBlock(spec.cidr);
    for (const [otherName, other] of this.entries) {
      if (other.scope !== scope) continue;
      for (const c of cidrs) {
        for (const o of other.allocator.cidrs) {
          if (cidrsOverlap(c, o)) throw new SubnetOverlapError(c.text, name, otherName, o.text);
        }
      }
    }
    const allocator = new SubnetAllocator(spec, { macs: this.macs, generateMacs: this.generateMacs });
    this.entries.set(name, { scope, allocator });
    return allocator;
  }

  /** The allocator of a subnet. @throws UnknownSubnetError `IPAM_UNKNOWN_SUBNET` */
  subnet(name: string): SubnetAllocator {
    const e = this.entries.get(name);
    if (e === undefined) throw new UnknownSubnetError(name);
    return e.allocator;
  }

  hasSubnet(name: string): boolean {
    return this.entries.has(name);
  }

  /** Subnet names, in registration order. */
  subnetNames(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Drop a subnet and release everything its owners held (MACs included). Refusing to drop a subnet
   * that still has owners is the caller's policy (the kube model does). @throws UnknownSubnetError
   */
  removeSubnet(name: string): void {
    const allocator = this.subnet(name);
    for (const a of [...allocator.allocations()]) allocator.release(a.owner);
    this.entries.delete(name);
  }
}
