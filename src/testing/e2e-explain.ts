/**
 * Tunnel captures in the seed's words: each GENEVE frame of an underlay capture as a tcpdump-like line
 * (time, outer addresses, GENEVE header, inner packet) followed by its logical meaning (datapath name,
 * ingress → egress logical port), decoded with this SDK's GENEVE codec and named through the SB
 * helpers' `LogicalNames`. Sans-I/O: bytes in, lines out.
 */
import {
  GeneveError,
  decapsulate,
  explainGeneve,
  formatIpv4,
  formatIpv6,
  parseCapture,
  summarizeGeneve,
  type ExplainedFrame,
  type GeneveFrame,
  type LogicalNames,
} from '../geneve/index.js';

/** One tunnel frame of a capture, explained. */
export interface TunnelLine {
  /** 1-based record number in the capture. */
  readonly index: number;
  readonly frame: GeneveFrame;
  readonly explained: ExplainedFrame;
  /** `12:00:01.000123 IP 192.168.251.1.40000 > 192.168.251.2.6081: Geneve, …` */
  readonly tcpdump: string;
  /** `    ovn-default (vni 0x1): ovn-default-node1-pod1.default (port 0x2) → … ICMP echo request 10.16.0.2 > 10.16.0.4` */
  readonly logical: string;
}

function hhmmss(sec: number, nsec: number): string {
  const d = new Date(sec * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(Math.floor(nsec / 1000), 6)}`;
}

function outer(f: GeneveFrame): string {
  const v6 = f.ip.version === 6;
  const src = v6 ? formatIpv6(f.ip.src) : formatIpv4(f.ip.src);
  const dst = v6 ? formatIpv6(f.ip.dst) : formatIpv4(f.ip.dst);
  return `${v6 ? 'IP6' : 'IP'} ${src}.${f.udp.srcPort} > ${dst}.${f.udp.dstPort}`;
}

/** The logical line of an explained frame, with the raw keys next to the names. */
export function logicalLine(e: ExplainedFrame): string {
  const dp = `${e.datapath ?? '?'} (vni 0x${e.vni.toString(16)})`;
  if (!e.metadata) return `    ${dp}: ${e.what}`;
  const port = (name: string | undefined, key: number) => `${name ?? '?'} (port 0x${key.toString(16)})`;
  return `    ${dp}: ${port(e.ingress, e.metadata.ingressPort)} → ${port(e.egress, e.metadata.egressPort)}: ${e.what}`;
}

/**
 * Decodes every GENEVE frame of a pcap / pcapng capture and explains it. Frames that are not GENEVE
 * are skipped.
 * @throws the capture reader's errors (`PCAP_*`) and the GENEVE decoder's (`GENEVE_*`) for a bad tunnel frame
 */
export function explainTunnelCapture(bytes: Uint8Array, names: LogicalNames): TunnelLine[] {
  const out: TunnelLine[] = [];
  const { records } = parseCapture(bytes);
  records.forEach((rec, i) => {
    let frame: GeneveFrame;
    try {
      frame = decapsulate(rec.data, { linkType: rec.linkType });
    } catch (e) {
      if (e instanceof GeneveError && (e.code === 'GENEVE_NOT_GENEVE' || e.code === 'GENEVE_UNSUPPORTED_LINKTYPE'))
        return;
      throw e;
    }
    const explained = explainGeneve(frame.geneve, names);
    out.push({
      index: i + 1,
      frame,
      explained,
      tcpdump: `${hhmmss(rec.tsSec, rec.tsNsec)} ${outer(frame)}: ${summarizeGeneve(frame.geneve)}`,
      logical: logicalLine(explained),
    });
  });
  return out;
}

/** The text kept next to a capture fixture: two lines per tunnel frame. */
export function renderTunnelLines(lines: readonly TunnelLine[]): string {
  return lines.map((l) => `${l.tcpdump}\n${l.logical}\n`).join('');
}
