/**
 * Hello version negotiation (OpenFlow 1.5.1 §6.3.1): each side sends OFPT_HELLO with its highest
 * version in the header and, from OF1.3.1 on, a version bitmap. With bitmaps on both sides the
 * highest common version wins; otherwise the lower of the two header versions, if we speak it.
 */
import type { OfVersion } from '../version.js';
import { OfNegotiationError } from './errors.js';
import type { Hello } from './types.js';

/**
 * The hello to send for the versions we speak.
 *
 * @example
 * helloFor([0x04, 0x06], 0) // { type: 'hello', version: 6, xid: 0, elements: [{ type: 'versionBitmap', versions: [4, 6] }] }
 */
export function helloFor(versions: readonly OfVersion[], xid: number): Hello {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new OfNegotiationError([], []);
  return {
    type: 'hello',
    version: sorted[sorted.length - 1]!,
    xid,
    elements: [{ type: 'versionBitmap', versions: sorted }],
  };
}

/** The versions a received hello offers: its bitmap, or every version up to its header version. */
export function helloVersions(h: Hello): number[] {
  for (const e of h.elements) if (e.type === 'versionBitmap') return [...e.versions];
  return Array.from({ length: h.version }, (_, i) => i + 1);
}

/**
 * Picks the version to speak, given ours and the peer's hello.
 * @throws OfNegotiationError `OF_NO_COMMON_VERSION`
 */
export function negotiateVersion(ours: readonly OfVersion[], peer: Hello): OfVersion {
  const hasBitmap = peer.elements.some((e) => e.type === 'versionBitmap');
  const theirs = helloVersions(peer);
  if (hasBitmap) {
    const common = ours.filter((v) => theirs.includes(v));
    if (common.length === 0) throw new OfNegotiationError(ours, theirs);
    return Math.max(...common) as OfVersion;
  }
  const pick = Math.min(Math.max(...ours), peer.version);
  if (!ours.includes(pick as OfVersion)) throw new OfNegotiationError(ours, theirs);
  return pick as OfVersion;
}
