/**
 * MAC addresses for logical ports: validation, normalisation, and a registry that hands out unique
 * `00:00:00:xx:xx:xx` addresses (the prefix Kube-OVN used for pod ports) or records user-given ones.
 */
import { InvalidMacError, MacExhaustedError, MacTakenError } from './errors.js';

/** The prefix of generated MACs. */
export const MAC_PREFIX = '00:00:00';

const MAC_RE =
  /^([0-9A-Fa-f]{2})([:-])([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})$/;

/**
 * Parse a unicast MAC written as six hex octets separated by `:` or `-` (either case) into its 48-bit
 * value. All-zero and group (multicast/broadcast) addresses are refused: a port needs a unicast MAC.
 * @throws InvalidMacError `IPAM_INVALID_MAC`
 */
export function parseMac(text: string): number {
  if (typeof text !== 'string') throw new InvalidMacError(String(text), 'not a string');
  const m = MAC_RE.exec(text);
  if (m === null) throw new InvalidMacError(text, 'expected six hex octets separated by ":" or "-"');
  let v = 0;
  for (const i of [1, 3, 4, 5, 6, 7]) v = v * 256 + parseInt(m[i]!, 16);
  if (v === 0) throw new InvalidMacError(text, 'all-zero address');
  if (parseInt(m[1]!, 16) & 1) throw new InvalidMacError(text, 'group (multicast) address');
  return v;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Format a 48-bit MAC value as upper-case colon-separated octets, e.g. `00:00:00:AA:0D:31`. */
export function formatMac(value: number): string {
  const hi = Math.floor(value / 0x1000000);
  const lo = value % 0x1000000;
  return `${HEX[hi >>> 16]}:${HEX[(hi >>> 8) & 255]}:${HEX[hi & 255]}:${HEX[lo >>> 16]}:${HEX[(lo >>> 8) & 255]}:${HEX[lo & 255]}`;
}

/** Canonical form of a MAC (upper case, colons). @throws InvalidMacError */
export function normalizeMac(text: string): string {
  return formatMac(parseMac(text));
}

const SUFFIX_SPACE = 1 << 24;

/** Options of a {@link MacRegistry}. */
export interface MacRegistryOptions {
  /**
   * Seed of the generator (any 32-bit integer). The same seed and the same sequence of calls give the
   * same MACs, which keeps plans and tests deterministic. Default: random.
   */
  readonly seed?: number;
}

/**
 * Unique MACs for one allocator (or one {@link Ipam}): generated ones are `00:00:00` plus 24 pseudo-random
 * bits; user-given ones are validated and recorded so no two owners share a MAC.
 *
 * @example
 * const macs = new MacRegistry({ seed: 1 });
 * macs.generate('pod1.default'); // '00:00:00:xx:xx:xx'
 * macs.claim('0a:00:00:00:00:01', 'pod2.default'); // '0A:00:00:00:00:01'
 */
export class MacRegistry {
  private readonly owners = new Map<number, string>();
  /** MACs held by allocators that keep their own per-subnet ownership (reference counts). */
  private readonly holds = new Map<number, number>();
  private state: number;
  private prefixUsed = 0;

  constructor(options: MacRegistryOptions = {}) {
    const seed = options.seed ?? globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Number of MACs recorded. */
  get size(): number {
    return this.owners.size;
  }

  /** Who holds the MAC (any accepted spelling), if anyone. */
  ownerOf(mac: string): string | undefined {
    return this.owners.get(parseMac(mac));
  }

  private next24(): number {
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state & (SUFFIX_SPACE - 1);
  }

  /**
   * Generate and record a fresh `00:00:00:xx:xx:xx` MAC for `owner`.
   * @throws MacExhaustedError `IPAM_MAC_EXHAUSTED` when all 2^24 − 1 are taken
   */
  generate(owner: string): string {
    return formatMac(this.generateValue(owner));
  }

  /** {@link generate}, returning the 48-bit value. */
  generateValue(owner: string): number {
    if (this.prefixUsed >= SUFFIX_SPACE - 1) throw new MacExhaustedError(MAC_PREFIX);
    let suffix = this.next24();
    // Probe linearly from the random point: terminates because a free suffix exists.
    for (;;) {
      if (suffix !== 0 && !this.owners.has(suffix) && !this.holds.has(suffix)) break;
      suffix = (suffix + 1) % SUFFIX_SPACE;
    }
    this.owners.set(suffix, owner);
    this.prefixUsed++;
    return suffix;
  }

  /**
   * Record a user-given MAC for `owner` and return its canonical form. Claiming a MAC the same owner
   * already holds is a no-op.
   * @throws InvalidMacError `IPAM_INVALID_MAC`
   * @throws MacTakenError `IPAM_MAC_TAKEN`
   */
  claim(mac: string, owner: string): string {
    return this.claimValue(parseMac(mac), owner);
  }

  /** {@link claim} for an already parsed MAC value. */
  claimValue(v: number, owner: string): string {
    const holder = this.owners.get(v);
    if (holder !== undefined && holder !== owner) throw new MacTakenError(formatMac(v), holder, owner);
    if (holder === undefined) {
      this.owners.set(v, owner);
      if (v < SUFFIX_SPACE) this.prefixUsed++;
    }
    return formatMac(v);
  }

  /**
   * Note that some allocator holds `v` without making it exclusive here (Kube-OVN keeps static MACs
   * unique per subnet only): the generator skips it while any hold remains. Reference-counted.
   */
  holdValue(v: number): void {
    this.holds.set(v, (this.holds.get(v) ?? 0) + 1);
  }

  /** Drop one hold taken by {@link holdValue}. */
  unholdValue(v: number): void {
    const n = this.holds.get(v);
    if (n === undefined) return;
    if (n <= 1) this.holds.delete(v);
    else this.holds.set(v, n - 1);
  }

  /** Forget a MAC; false if it was not recorded. */
  release(mac: string): boolean {
    return this.releaseValue(parseMac(mac));
  }

  /** {@link release} by 48-bit value. */
  releaseValue(v: number): boolean {
    if (!this.owners.delete(v)) return false;
    if (v < SUFFIX_SPACE) this.prefixUsed--;
    return true;
  }
}
