import { describe, expect, it } from 'vitest';
import {
  AddressExcludedError,
  AddressOutsideCidrError,
  AddressTakenError,
  DuplicateSubnetError,
  ExcludeOutsideCidrError,
  GatewayReservedError,
  InvalidAddressError,
  InvalidCidrError,
  InvalidMacError,
  InvalidRangeError,
  Ipam,
  MacTakenError,
  OwnerConflictError,
  SubnetAllocator,
  SubnetExhaustedError,
  SubnetOverlapError,
  UnknownSubnetError,
} from '../../../src/ipam/index.js';
import { expectSdkError } from '../../helpers/errors.js';

describe('SubnetAllocator: the seed scenario figures', () => {
  it('join with 2 used: 2 / 65531', () => {
    const join = new SubnetAllocator(
      { cidr: '100.64.0.0/16', gateway: '100.64.0.1', excludeIps: ['100.64.0.1'] },
      { macSeed: 1 },
    );
    join.allocate('node-node1');
    join.allocate('node-node2');
    expect(join.usage()).toEqual({ v4Used: 2n, v4Available: 65531n, v6Used: 0n, v6Available: 0n });
    expect(join.excludeIps).toEqual(['100.64.0.1']);
  });

  it('ovn-default with 6 used: 6 / 65527', () => {
    const d = new SubnetAllocator(
      { cidr: '10.16.0.0/16', gateway: '10.16.0.1', excludeIps: ['10.16.0.1'] },
      { macSeed: 1 },
    );
    for (let i = 0; i < 6; i++) d.allocate(`p${i}`);
    expect(d.usage()).toEqual({ v4Used: 6n, v4Available: 65527n, v6Used: 0n, v6Available: 0n });
    expect(d.get('p0')?.ip).toBe('10.16.0.2');
    expect(d.get('p5')?.ip).toBe('10.16.0.7');
  });

  it('subnet1 fresh: 0 / 65524, first pod gets 10.66.0.11', () => {
    const s = new SubnetAllocator(
      { cidr: '10.66.0.0/16', gateway: '10.66.0.1', excludeIps: ['10.66.0.1..10.66.0.10'] },
      { macSeed: 1 },
    );
    expect(s.usage()).toEqual({ v4Used: 0n, v4Available: 65524n, v6Used: 0n, v6Available: 0n });
    expect(s.allocate('subnet1-node1-pod1.ns1').ip).toBe('10.66.0.11');
    expect(s.usage().v4Available).toBe(65523n);
  });
});

describe('SubnetAllocator: gateway and excludes', () => {
  it('defaults the gateway to the first usable address and excludes it', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' });
    expect(s.gateway).toBe('10.0.0.1');
    expect(s.excludeIps).toEqual(['10.0.0.1']);
    expect(s.isExcluded('10.0.0.1')).toBe(true);
    expect(s.usage().v4Available).toBe(253n);
    expect(s.allocate('a').ip).toBe('10.0.0.2');
  });

  it('merges overlapping/adjacent excludes and adds an uncovered gateway (Kube-OVN formatting)', () => {
    const s = new SubnetAllocator({
      cidr: '10.0.0.0/24',
      gateway: '10.0.0.254',
      excludeIps: ['10.0.0.20..10.0.0.30', '10.0.0.25..10.0.0.40', '10.0.0.41', '10.0.0.5'],
    });
    expect(s.excludeIps).toEqual(['10.0.0.5', '10.0.0.20..10.0.0.41', '10.0.0.254']);
    // 254 - (1 + 22 + 1) = 230
    expect(s.usage().v4Available).toBe(230n);
  });

  it('does not count the network and broadcast addresses when an exclude range covers them', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24', excludeIps: ['10.0.0.0..10.0.0.3', '10.0.0.255'] });
    // usable 254; excluded usable: .1 .2 .3 = 3 (gateway .1 is inside)
    expect(s.usage().v4Available).toBe(251n);
    expect(s.allocate('a').ip).toBe('10.0.0.4');
  });

  it('refuses a gateway outside the CIDR', () => {
    const e = expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: '10.0.1.1' }));
    expect(e).toBeInstanceOf(AddressOutsideCidrError);
    expect((e as AddressOutsideCidrError).value).toBe('10.0.1.1');
    expect((e as AddressOutsideCidrError).code).toBe('IPAM_ADDRESS_OUTSIDE_CIDR');
  });

  it('refuses a gateway of the other family in a single-stack subnet', () => {
    expect(expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: 'fd00::1' }))).toBeInstanceOf(
      AddressOutsideCidrError,
    );
  });

  it.each([
    ['10.0.0.0', 'network'],
    ['10.0.0.255', 'broadcast'],
  ])('refuses gateway %s (the %s address)', (gw, which) => {
    const e = expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: gw }));
    expect(e).toBeInstanceOf(GatewayReservedError);
    expect((e as GatewayReservedError).code).toBe('IPAM_GATEWAY_RESERVED');
    expect((e as GatewayReservedError).value).toBe(gw);
    expect((e as Error).message).toContain(which);
  });

  it('refuses an unparsable gateway', () => {
    expect(expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: '10.0.0.x' }))).toBeInstanceOf(
      InvalidAddressError,
    );
    expect(
      expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: '10.0.0.1,10.0.0.2' })),
    ).toBeInstanceOf(InvalidAddressError);
  });

  it.each(['10.0.1.0..10.0.1.5', '10.0.0.250..10.0.1.5', '10.0.1.7', 'fd00::1'])(
    'refuses exclude entry %s outside the CIDR with IPAM_EXCLUDE_OUTSIDE_CIDR',
    (entry) => {
      const e = expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', excludeIps: [entry] }));
      expect(e).toBeInstanceOf(ExcludeOutsideCidrError);
      expect((e as ExcludeOutsideCidrError).code).toBe('IPAM_EXCLUDE_OUTSIDE_CIDR');
      expect((e as ExcludeOutsideCidrError).value).toBe(entry);
    },
  );

  it('refuses a malformed exclude entry with IPAM_INVALID_RANGE', () => {
    const e = expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/24', excludeIps: ['10.0.0.9..10.0.0.3'] }));
    expect(e).toBeInstanceOf(InvalidRangeError);
    expect((e as InvalidRangeError).value).toBe('10.0.0.9..10.0.0.3');
  });

  it('refuses an invalid CIDR', () => {
    const e = expectSdkError(() => new SubnetAllocator({ cidr: '10.0.0.0/40' }));
    expect(e).toBeInstanceOf(InvalidCidrError);
    expect((e as InvalidCidrError).value).toBe('10.0.0.0/40');
  });
});

describe('SubnetAllocator: allocation and release', () => {
  // Kube-OVN pkg/ipam/subnet.go getV4RandomAddress: never-used addresses (V4Free) first; released ones
  // (V4Released) only once V4Free is empty.
  it('hands out never-used addresses before released ones (Kube-OVN getV4RandomAddress)', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 3 });
    expect(['a', 'b', 'c', 'd'].map((o) => s.allocate(o).ip)).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']);
    expect(s.release('c')?.ip).toBe('10.0.0.4');
    expect(s.release('a')?.ip).toBe('10.0.0.2');
    expect(s.release('a')).toBeUndefined();
    expect(s.isReleased('10.0.0.2')).toBe(true);
    expect(s.releasedRanges()).toEqual(['10.0.0.2', '10.0.0.4']);
    expect(s.allocate('e').ip).toBe('10.0.0.6');
    expect(s.allocate('f').ip).toBe('10.0.0.7');
    expect(s.usage().v4Used).toBe(4n);
    // A static request may take a released address.
    expect(s.allocate('g', { ip: '10.0.0.4' }).ip).toBe('10.0.0.4');
    expect(s.releasedRanges()).toEqual(['10.0.0.2']);
  });

  it('the issue #18 case: .1 and .2 taken, .1 released, the next gets .3', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24', gateway: '10.0.0.254' }, { macSeed: 3 });
    expect(s.allocate('p1').ip).toBe('10.0.0.1');
    expect(s.allocate('p2').ip).toBe('10.0.0.2');
    s.release('p1');
    expect(s.allocate('p3').ip).toBe('10.0.0.3');
  });

  it('draws from the released list once the never-used addresses are gone, lowest first', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/29' }, { macSeed: 3 }); // .2-.6 allocatable
    for (let i = 0; i < 5; i++) s.allocate(`p${i}`);
    s.release('p3');
    s.release('p1');
    expect(s.allocate('q1').ip).toBe('10.0.0.3');
    expect(s.allocate('q2').ip).toBe('10.0.0.5');
  });

  it('markReleased restores a persisted released list; the order survives a rebuild', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 3 });
    s.restore([{ name: 'b', ip: '10.0.0.3' }]);
    s.markReleased(['10.0.0.2', '10.0.0.3', '10.0.0.9..10.0.0.10', '10.1.0.1']); // .3 is held: ignored; outside: ignored
    expect(s.releasedRanges()).toEqual(['10.0.0.2', '10.0.0.9..10.0.0.10']);
    expect(s.allocate('c').ip).toBe('10.0.0.4');
    expect(s.usage()).toMatchObject({ v4Used: 2n, v4Available: 254n - 1n - 2n });
  });

  it("reuse: 'lowest' gives the lowest free address, released or not (ovn-northd's rule)", () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 3, reuse: 'lowest' });
    ['a', 'b', 'c'].forEach((o) => s.allocate(o));
    s.release('a');
    expect(s.allocate('d').ip).toBe('10.0.0.2');
  });

  it('is idempotent per owner', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 3 });
    const first = s.allocate('a');
    expect(s.allocate('a')).toEqual(first);
    expect(s.allocate('a', { ip: first.ip, mac: first.mac!.toLowerCase() })).toEqual(first);
    expect(s.size).toBe(1);
  });

  it('takes a static address; refuses taken, gateway, network, outside ones with the value', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24', excludeIps: ['10.0.0.100..10.0.0.110'] }, { macSeed: 3 });
    expect(s.allocate('a', { ip: '10.0.0.50' }).ip).toBe('10.0.0.50');

    const taken = expectSdkError(() => s.allocate('b', { ip: '10.0.0.50' }));
    expect(taken).toBeInstanceOf(AddressTakenError);
    expect(taken).toMatchObject({ code: 'IPAM_ADDRESS_TAKEN', value: '10.0.0.50', owner: 'a', requester: 'b' });

    expect(expectSdkError(() => s.allocate('b', { ip: '10.0.0.1' }))).toMatchObject({
      code: 'IPAM_ADDRESS_IS_GATEWAY',
      value: '10.0.0.1',
    });
    for (const ip of ['10.0.0.0', '10.0.0.255']) {
      const e = expectSdkError(() => s.allocate('b', { ip }));
      expect(e).toBeInstanceOf(AddressExcludedError);
      expect(e).toMatchObject({ code: 'IPAM_ADDRESS_EXCLUDED', value: ip });
    }
    const out = expectSdkError(() => s.allocate('b', { ip: '10.0.1.5' }));
    expect(out).toBeInstanceOf(AddressOutsideCidrError);
    expect(out).toMatchObject({ value: '10.0.1.5', cidr: '10.0.0.0/24' });
    expect(expectSdkError(() => s.allocate('b', { ip: 'fd00::5' }))).toBeInstanceOf(AddressOutsideCidrError);
    expect(expectSdkError(() => s.allocate('b', { ip: 'nope' }))).toBeInstanceOf(InvalidAddressError);
    expect(expectSdkError(() => s.allocate('b', { ip: '10.0.0.60,10.0.0.61' }))).toMatchObject({
      code: 'IPAM_INVALID_ADDRESS',
      value: '10.0.0.60,10.0.0.61',
    });
    expect(s.has('b')).toBe(false);
    // lowest free skips the static one and the excluded range
    expect(s.allocate('c').ip).toBe('10.0.0.2');
  });

  // Kube-OVN pkg/ipam/subnet.go GetStaticAddress: an address in V4Reserved (excludeIps) is granted;
  // calcSubnetStatusIP does not count it as used; releaseAddr does not put it on the released list.
  it('grants a static request inside excludeIps, uncounted, and never hands it out dynamically', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24', excludeIps: ['10.0.0.100..10.0.0.110'] }, { macSeed: 3 });
    const before = s.usage();
    expect(s.allocate('x', { ip: '10.0.0.105' }).ip).toBe('10.0.0.105');
    expect(s.usage()).toEqual(before);
    expect(expectSdkError(() => s.allocate('y', { ip: '10.0.0.105' }))).toMatchObject({
      code: 'IPAM_ADDRESS_TAKEN',
      owner: 'x',
    });
    s.release('x');
    expect(s.releasedRanges()).toEqual([]);
    expect(s.isFree('10.0.0.105')).toBe(false);
    const strict = new SubnetAllocator(
      { cidr: '10.0.0.0/24', excludeIps: ['10.0.0.100..10.0.0.110'] },
      { grantExcluded: false },
    );
    expect(expectSdkError(() => strict.allocate('x', { ip: '10.0.0.105' }))).toMatchObject({
      code: 'IPAM_ADDRESS_EXCLUDED',
    });
  });

  // Kube-OVN util.ExpandExcludeIPs clips a range to the CIDR's usable addresses and drops what is outside.
  it("excludeOutside: 'clip' keeps the part of an entry inside the CIDR", () => {
    const s = new SubnetAllocator({
      cidr: '10.0.0.0/24',
      excludeIps: ['9.255.255.0..10.0.0.5', '10.0.1.7', 'fd00::1', '10.0.0.250..10.0.1.9'],
      excludeOutside: 'clip',
    });
    expect(s.excludeIps).toEqual(['10.0.0.1..10.0.0.5', '10.0.0.250..10.0.0.254']);
    expect(s.allocate('a').ip).toBe('10.0.0.6');
  });

  it('refuses an owner switching address or MAC without release', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 3 });
    s.allocate('a', { ip: '10.0.0.9', mac: '00:00:00:00:00:09' });
    expect(expectSdkError(() => s.allocate('a', { ip: '10.0.0.10' }))).toMatchObject({
      code: 'IPAM_OWNER_CONFLICT',
      value: '10.0.0.10',
      current: '10.0.0.9',
    });
    const e = expectSdkError(() => s.allocate('a', { mac: '00:00:00:00:00:0a' }));
    expect(e).toBeInstanceOf(OwnerConflictError);
    expect(e).toMatchObject({ value: '00:00:00:00:00:0A', current: '00:00:00:00:00:09' });
  });

  it('reports exhaustion with the CIDR', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/29' }, { macSeed: 3 });
    // usable .1-.6, gateway .1 → 5 allocatable
    for (let i = 0; i < 5; i++) s.allocate(`p${i}`);
    expect(s.usage().v4Available).toBe(0n);
    const e = expectSdkError(() => s.allocate('p5'));
    expect(e).toBeInstanceOf(SubnetExhaustedError);
    expect(e).toMatchObject({ code: 'IPAM_SUBNET_EXHAUSTED', value: '10.0.0.0/29', requester: 'p5' });
    s.release('p2');
    expect(s.allocate('p5').ip).toBe('10.0.0.4');
  });

  it('uses both addresses of a /31 except the gateway', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/31' });
    expect(s.gateway).toBe('10.0.0.0');
    expect(s.allocate('a').ip).toBe('10.0.0.1');
    expect(s.usage()).toMatchObject({ v4Used: 1n, v4Available: 0n });
  });

  it('restores records after a restart, idempotently, and then continues lowest-free', () => {
    const before = new SubnetAllocator({ cidr: '10.16.0.0/16' }, { macSeed: 9 });
    const recs = ['a', 'b', 'c', 'd'].map((o) => before.allocate(o));
    before.release('b');
    const kept = [...before.allocations()].map((a) => ({ name: a.owner, ip: a.ip, mac: a.mac }));

    const after = new SubnetAllocator({ cidr: '10.16.0.0/16' }, { macSeed: 9 });
    after.restore(kept);
    after.restore(kept);
    expect([...after.allocations()]).toEqual([recs[0], recs[2], recs[3]]);
    expect(after.usage()).toEqual(before.usage());
    expect(after.allocate('e').ip).toBe('10.16.0.3');
    expect(expectSdkError(() => after.restore([{ name: 'x', ip: '10.16.0.2' }]))).toBeInstanceOf(AddressTakenError);
    expect(expectSdkError(() => after.restore([{ name: 'x', ip: '10.16.0.200', mac: recs[0]!.mac }]))).toBeInstanceOf(
      MacTakenError,
    );
    expect(after.has('x')).toBe(false);
  });
});

describe('SubnetAllocator: dual stack', () => {
  it('gives one address per family, IPv4 first, and counts V4USED = V6USED', () => {
    const s = new SubnetAllocator({ cidr: '10.16.0.0/16,fd00:10:16::/64' }, { macSeed: 5 });
    expect(s.protocol).toBe('Dual');
    expect(s.gateway).toBe('10.16.0.1,fd00:10:16::1');
    expect(s.excludeIps).toEqual(['10.16.0.1', 'fd00:10:16::1']);
    const a = s.allocate('pod1.default');
    expect(a).toMatchObject({ ip: '10.16.0.2,fd00:10:16::2', ipv4: '10.16.0.2', ipv6: 'fd00:10:16::2' });
    expect(s.usage()).toEqual({ v4Used: 1n, v4Available: 65532n, v6Used: 1n, v6Available: 2n ** 64n - 2n - 1n - 1n });
  });

  it('takes a static address of one family and the lowest of the other', () => {
    const s = new SubnetAllocator({ cidr: '10.16.0.0/16,fd00:10:16::/64' }, { macSeed: 5 });
    expect(s.allocate('a', { ip: 'FD00:10:16::99' }).ip).toBe('10.16.0.2,fd00:10:16::99');
    expect(s.allocate('b', { ip: 'fd00:10:16::7,10.16.0.7' }).ip).toBe('10.16.0.7,fd00:10:16::7');
  });

  it('changes nothing when one family of a request fails', () => {
    const s = new SubnetAllocator({ cidr: '10.16.0.0/16,fd00:10:16::/64' }, { macSeed: 5 });
    s.allocate('a', { ip: '10.16.0.5,fd00:10:16::5' });
    const e = expectSdkError(() => s.allocate('b', { ip: '10.16.0.6,fd00:10:16::5' }));
    expect(e).toBeInstanceOf(AddressTakenError);
    expect(s.isFree('10.16.0.6')).toBe(true);
    expect(s.usage().v4Used).toBe(1n);
    expect(s.macs.size).toBe(1);
  });

  it('honours per-family gateways', () => {
    const s = new SubnetAllocator({ cidr: 'fd00:10:16::/64,10.16.0.0/16', gateway: 'fd00:10:16::fe' });
    expect(s.gateway).toBe('10.16.0.1,fd00:10:16::fe');
    expect(s.allocate('a').ip).toBe('10.16.0.2,fd00:10:16::1');
  });
});

describe('MACs', () => {
  it('generates unique 00:00:00 MACs and accepts user-given ones normalised', () => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/22' }, { macSeed: 11 });
    const macs = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const m = s.allocate(`p${i}`).mac!;
      expect(m).toMatch(/^00:00:00:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}$/);
      macs.add(m);
    }
    expect(macs.size).toBe(500);
    // Kube-OVN keeps a static MAC as the annotation writes it; dash-separated ones get colons.
    expect(s.allocate('u', { mac: '0a-1b-2c-3d-4e-5f' }).mac).toBe('0A:1B:2C:3D:4E:5F');
    expect(s.allocate('v', { mac: '0a:1b:2c:3d:4e:60' }).mac).toBe('0a:1b:2c:3d:4e:60');
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const s = new SubnetAllocator({ cidr: '10.0.0.0/24' }, { macSeed: 42 });
      return ['a', 'b', 'c'].map((o) => s.allocate(o).mac);
    };
    expect(run()).toEqual(run());
  });

  it.each([
    '00:00:00:00:00',
    '00:00:00:00:00:0g',
    '01:00:5e:00:00:01',
    'ff:ff:ff:ff:ff:ff',
    '00:00:00:00:00:00',
    '00:00:00-00:00:01',
    '0000.0000.0001',
  ])('refuses MAC %s with IPAM_INVALID_MAC', (mac) => {
    const s = new SubnetAllocator({ cidr: '10.0.0.0/24' });
    const e = expectSdkError(() => s.allocate('a', { mac }));
    expect(e).toBeInstanceOf(InvalidMacError);
    expect(e).toMatchObject({ code: 'IPAM_INVALID_MAC', value: mac });
    expect(s.has('a')).toBe(false);
  });

  // Kube-OVN pkg/ipam/subnet.go GetStaticMac: MacToPod is per subnet, so a static MAC is unique within
  // its subnet only. Generated MACs stay unique across the Ipam (the generator skips every held MAC).
  it('keeps static MACs unique per subnet; another subnet may reuse one; generation skips them', () => {
    const ipam = new Ipam({ macSeed: 1 });
    const a = ipam.addSubnet('a', { cidr: '10.1.0.0/24' });
    const b = ipam.addSubnet('b', { cidr: '10.2.0.0/24' });
    a.allocate('x', { mac: '00:00:00:00:00:01' });
    const e = expectSdkError(() => a.allocate('y', { mac: '00:00:00:00:00:01' }));
    expect(e).toBeInstanceOf(MacTakenError);
    expect(e).toMatchObject({ code: 'IPAM_MAC_TAKEN', value: '00:00:00:00:00:01', owner: 'x', requester: 'y' });
    expect(a.has('y')).toBe(false);
    expect(b.allocate('y', { mac: '00:00:00:00:00:01' }).mac).toBe('00:00:00:00:00:01');
    a.release('x');
    expect(a.allocate('z', { mac: '00:00:00:00:00:01' }).mac).toBe('00:00:00:00:00:01');
  });
});

describe('Ipam', () => {
  it('refuses overlapping subnets in one scope with both CIDRs named', () => {
    const ipam = new Ipam({ macSeed: 1 });
    ipam.addSubnet('ovn-default', { cidr: '10.16.0.0/16', scope: 'ovn-cluster' });
    const e = expectSdkError(() => ipam.addSubnet('bad', { cidr: '10.16.128.0/17', scope: 'ovn-cluster' }));
    expect(e).toBeInstanceOf(SubnetOverlapError);
    expect(e).toMatchObject({
      code: 'IPAM_SUBNET_OVERLAP',
      value: '10.16.128.0/17',
      subnet: 'bad',
      otherSubnet: 'ovn-default',
      otherCidr: '10.16.0.0/16',
    });
    expect(ipam.hasSubnet('bad')).toBe(false);
    // another VPC may reuse the range
    ipam.addSubnet('vpc2-net', { cidr: '10.16.0.0/16', scope: 'vpc2' });
    expect(ipam.subnetNames()).toEqual(['ovn-default', 'vpc2-net']);
  });

  it('detects overlap on the IPv6 half of a dual-stack subnet', () => {
    const ipam = new Ipam();
    ipam.addSubnet('a', { cidr: '10.1.0.0/16,fd00:1::/64' });
    expect(expectSdkError(() => ipam.addSubnet('b', { cidr: '10.2.0.0/16,fd00:1::/48' }))).toMatchObject({
      code: 'IPAM_SUBNET_OVERLAP',
      value: 'fd00:1::/48',
    });
  });

  it('names duplicate and unknown subnets', () => {
    const ipam = new Ipam();
    ipam.addSubnet('a', { cidr: '10.1.0.0/16' });
    expect(expectSdkError(() => ipam.addSubnet('a', { cidr: '10.2.0.0/16' }))).toBeInstanceOf(DuplicateSubnetError);
    const e = expectSdkError(() => ipam.subnet('zz'));
    expect(e).toBeInstanceOf(UnknownSubnetError);
    expect(e).toMatchObject({ code: 'IPAM_UNKNOWN_SUBNET', value: 'zz' });
  });

  it('removing a subnet releases its MACs', () => {
    const ipam = new Ipam({ macSeed: 1 });
    ipam.addSubnet('a', { cidr: '10.1.0.0/24' }).allocate('x', { mac: '00:00:00:00:00:07' });
    ipam.removeSubnet('a');
    expect(ipam.macs.size).toBe(0);
    expect(ipam.hasSubnet('a')).toBe(false);
  });
});
