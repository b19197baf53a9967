/**
 * Multipart reply reassembly (OpenFlow 1.5.1 §7.3.5): a reply may be split over several messages
 * with the same xid, each but the last flagged OFPMPF_REPLY_MORE. The assembler joins their bodies.
 */
import { OFPMPF_MORE } from './constants.js';
import { OfMultipartError } from './errors.js';
import type { MultipartReply, MultipartReplyBody } from './types.js';

/** List-valued reply kinds and the key of their list. */
const LIST_KEY = {
  flow: 'flows',
  flowStats: 'flows',
  table: 'tables',
  portStats: 'ports',
  queue: 'queues',
  group: 'groups',
  groupDesc: 'groups',
  meter: 'meters',
  meterConfig: 'meters',
  tableFeatures: 'tables',
  portDesc: 'ports',
  // extension kinds (ext.ts)
  nxFlow: 'flows',
  flowMonitor: 'updates',
  queueDesc: 'queues',
  ipfixFlow: 'flows',
  nxGroup: 'groups',
  nxGroupDesc: 'groups',
} as const;

/**
 * Joins multipart replies per xid.
 *
 * @example
 * const asm = new MultipartAssembler();
 * for (const m of replies) { const whole = asm.push(m); if (whole) use(whole.body); }
 * @throws OfMultipartError `OF_MULTIPART_MISMATCH` when a stream changes kind midway, or when a
 *   non-list reply (desc, aggregate, …) arrives in more than one part with other content.
 */
export class MultipartAssembler {
  private readonly open = new Map<number, MultipartReply[]>();

  /** Number of streams still waiting for their last part. */
  get pending(): number {
    return this.open.size;
  }

  /** Adds one part; returns the whole reply (flags cleared) once the last part arrives, else null. */
  push(part: MultipartReply): MultipartReply | null {
    const list = this.open.get(part.xid);
    if (list && list[0]!.body.kind !== part.body.kind) {
      this.open.delete(part.xid);
      throw new OfMultipartError(`multipart stream changed from ${list[0]!.body.kind} to ${part.body.kind}`, part.xid);
    }
    const parts = list ?? [];
    parts.push(part);
    if (part.flags & OFPMPF_MORE) {
      this.open.set(part.xid, parts);
      return null;
    }
    this.open.delete(part.xid);
    return { ...part, flags: part.flags & ~OFPMPF_MORE, body: joinBodies(parts) };
  }

  /** Forgets a stream (e.g. when its request failed). */
  drop(xid: number): void {
    this.open.delete(xid);
  }
}

function joinBodies(parts: readonly MultipartReply[]): MultipartReplyBody {
  const first = parts[0]!.body;
  if (parts.length === 1) return first;
  const key = (LIST_KEY as Record<string, string>)[first.kind];
  if (!key) {
    // Non-list bodies: OVS never splits them; keep the last, after checking none is dropped silently.
    throw new OfMultipartError(`${first.kind} reply split over ${parts.length} messages`, parts[0]!.xid);
  }
  const all: unknown[] = [];
  for (const p of parts) all.push(...((p.body as unknown as Record<string, readonly unknown[]>)[key] ?? []));
  return { ...first, [key]: all } as MultipartReplyBody;
}
