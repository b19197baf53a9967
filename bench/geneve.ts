/**
 * GENEVE hot paths, measured against gopacket 1.1.19 in the same run.
 *
 *   npx tsx bench/geneve.ts [trials=9] [trialMs=150]
 *
 * Builds bench/go/geneve/main.go offline (GO111MODULE=off GOPATH=/usr/share/gocode) into a temp
 * dir, writes a 100 MB pcap there, starts the Go reference as a co-process and then, per workload,
 * alternates Go and TS trials of about `trialMs` each (`trials` of each side). Trials run back to
 * back, so both sides see the same machine load; the table shows the best and the median trial of
 * each side and the ratio of the medians. Everything it creates is removed at the end.
 *
 * Workloads (same bytes on both sides):
 *  - header decode with 0, 1 (OVN) and 8 options (GeneveView: validate + walk options, read VNI;
 *    gopacket Geneve.DecodeFromBytes, options reset between packets);
 *  - full frame Geneve → Ethernet → IPv4 → ICMP (GeneveView + InnerView vs DecodingLayerParser);
 *  - encapsulate an inner frame into a reused buffer with IPv4 + UDP checksums (Encapsulator vs
 *    SerializeLayers with FixLengths + ComputeChecksums); both must produce identical bytes;
 *  - pcap frames read from a 100 MB capture (CaptureParser.advance() fed from two alternating
 *    64 KiB buffers vs pcapgo ZeroCopyReadPacketData over a bufio.Reader of the same size; 64 KiB
 *    reads were the fastest size for Node here).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  CaptureParser,
  CaptureWriter,
  decodeGeneve,
  encodeGeneve,
  Encapsulator,
  GeneveView,
  InnerView,
  ovnMetadataOption,
  readCapture,
  type GeneveOption,
  type Tunnel,
} from '../src/geneve/index.js';
import { toHex } from '../src/wire/index.js';

const trials = Number(process.argv[2] ?? '9');
const trialMs = Number(process.argv[3] ?? '150');
const GOAL = 2;

// Inner frame: Ethernet + IPv4 + ICMP echo request with 56 data bytes (98 bytes, like ping).
function innerFrame(): Uint8Array {
  const ip = [0x45, 0, 0, 84, 0x12, 0x34, 0x40, 0, 64, 1, 0, 0, 10, 16, 0, 8, 10, 16, 0, 12];
  const icmp = [8, 0, 0, 0, 0, 7, 0, 1, ...Array.from({ length: 56 }, (_, i) => i)];
  return Uint8Array.from([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00, ...ip, ...icmp]);
}

const inner = innerFrame();
const ovn = ovnMetadataOption({ ingressPort: 2, egressPort: 4 });
const extra: GeneveOption[] = Array.from({ length: 7 }, (_, i) => ({
  optionClass: 0x0100 + i,
  type: i,
  rsvd: 0,
  data: Uint8Array.of(1, 2, 3, i),
}));
const header0 = encodeGeneve({ protocolType: 0x6558, vni: 3 }, inner);
const header1 = encodeGeneve({ protocolType: 0x6558, vni: 3, options: [ovn] }, inner);
const header8 = encodeGeneve({ protocolType: 0x6558, vni: 3, options: [ovn, ...extra] }, inner);
const tunnel: Tunnel = {
  eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
  ip: { version: 4, src: '192.168.0.1', dst: '192.168.0.2', flags: 2 },
  udp: { srcPort: 51000 },
  geneve: { vni: 3, options: [ovn] },
};

/** A TS workload: runs n operations, returns a check value. */
type Work = (n: number) => number;

const view = new GeneveView();
const iv = new InnerView();
const enc = new Encapsulator(tunnel);
const out = Buffer.alloc(2048);

// One function literal per workload (not a shared factory): closures from one literal share
// their type feedback in V8, and one workload's shapes would then slow down the others.
const h0Work: Work = (n) => {
  const len = header0.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    view.decode(header0, 0, len);
    s += view.vni + view.headerLength;
  }
  return s;
};
const h1Work: Work = (n) => {
  const len = header1.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    view.decode(header1, 0, len);
    s += view.vni + view.headerLength;
  }
  return s;
};
const h8Work: Work = (n) => {
  const len = header8.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    view.decode(header8, 0, len);
    s += view.vni + view.headerLength;
  }
  return s;
};

function pcapWork(capPath: string): Work {
  // Like pcapgo over a 64 KiB bufio.Reader: the sans-I/O parser fed from two alternating 64 KiB
  // buffers (a buffer is refilled only after the parser has drained it); zero-copy records.
  const bufs = [Buffer.allocUnsafe(1 << 16), Buffer.allocUnsafe(1 << 16)];
  return () => {
    const p = new CaptureParser();
    const fd = openSync(capPath, 'r');
    let count = 0;
    for (let k = 0; ; k ^= 1) {
      const b = bufs[k]!;
      const got = readSync(fd, b, 0, b.length, null);
      if (got === 0) break;
      p.push(got === b.length ? b : b.subarray(0, got));
      while (p.advance()) count++;
    }
    closeSync(fd);
    p.finish();
    return count;
  };
}

const dir = mkdtempSync(join(tmpdir(), `geneve-bench-${process.pid}-`));
let go: ReturnType<typeof spawn> | undefined;
try {
  // 1. Go reference, built offline
  const goSrc = fileURLToPath(new URL('./go/geneve/main.go', import.meta.url));
  const goBin = join(dir, 'gobench');
  execFileSync('go', ['build', '-o', goBin, goSrc], {
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: '/usr/share/gocode',
      GOCACHE: join(dir, 'gocache'),
      GOFLAGS: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  // 2. the 100 MB capture (full outer frames)
  const capPath = join(dir, 'bench.pcap');
  const frame = enc.encapsulate(inner);
  const w = new CaptureWriter({ format: 'pcap' });
  const fd = openSync(capPath, 'w');
  writeSync(fd, w.header());
  const rec = w.record(frame, { sec: 1700000000, nsec: 0 });
  const perChunk = 4096;
  const chunk = Buffer.alloc(rec.length * perChunk);
  for (let i = 0; i < perChunk; i++) chunk.set(rec, i * rec.length);
  let written = 24;
  let frames = 0;
  while (written < 100 * 1024 * 1024) {
    writeSync(fd, chunk);
    written += chunk.length;
    frames += perChunk;
  }
  closeSync(fd);

  const inputsPath = join(dir, 'inputs.json');
  writeFileSync(
    inputsPath,
    JSON.stringify({
      header0: toHex(header0),
      header1: toHex(header1),
      header8: toHex(header8),
      fullFrame: toHex(header1),
      inner: toHex(inner),
      vni: 3,
      optData: toHex(ovn.data),
    }),
  );

  // 3. the Go co-process: "NAME N" -> "ELAPSED_NS CHECK"
  go = spawn(goBin, [inputsPath, capPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let goStderr = '';
  go.stderr!.on('data', (d: Buffer) => (goStderr += d.toString()));
  const lines = createInterface({ input: go.stdout! })[Symbol.asyncIterator]();
  const goRun = async (name: string, n: number): Promise<{ ns: number; check: number }> => {
    go!.stdin!.write(`${name} ${n}\n`);
    const r = await lines.next();
    if (r.done) throw new Error(`Go bench exited: ${goStderr}`);
    const [ns, check] = r.value.split(' ').map(Number);
    return { ns: ns!, check: check! };
  };
  const tsRun = (fn: Work, n: number): { ns: number; check: number } => {
    const t = process.hrtime.bigint();
    const check = fn(n);
    return { ns: Number(process.hrtime.bigint() - t), check };
  };

  const workloads: { key: string; name: string; ts: Work; perPass?: number }[] = [
    { key: 'h0', name: 'header 0 options', ts: h0Work },
    { key: 'h1', name: 'header 1 option (OVN)', ts: h1Work },
    { key: 'h8', name: 'header 8 options', ts: h8Work },
    {
      key: 'full',
      name: 'full frame Geneve→Ethernet→IPv4→ICMP',
      ts: (n) => {
        let s = 0;
        const len = header1.length;
        for (let i = 0; i < n; i++) {
          view.decode(header1, 0, len);
          iv.decode(header1, view.payloadOffset, len, view.protocolType);
          s += view.vni + iv.icmpType + iv.l4Offset;
        }
        return s;
      },
    },
    {
      key: 'encap',
      name: 'encapsulate into a reused buffer, with checksums',
      ts: (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += enc.encapsulateInto(inner, out, 0);
        return s;
      },
    },
    { key: 'pcap', name: 'pcap frames read (100 MB file)', ts: pcapWork(capPath), perPass: frames },
  ];

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const rows: string[] = [];
  let met = 0;
  for (const wl of workloads) {
    // calibrate n per side so one trial takes about trialMs (pcap: one pass over the file)
    const calib = async (run: (n: number) => Promise<{ ns: number }> | { ns: number }): Promise<number> => {
      if (wl.perPass !== undefined) return 1;
      let n = 1000;
      for (;;) {
        const { ns } = await run(n);
        if (ns >= (trialMs * 1e6) / 4 || n > 1e9) return Math.max(1000, Math.round((n * trialMs * 1e6) / ns));
        n *= 4;
      }
    };
    const nGo = await calib((n) => goRun(wl.key, n));
    const nTs = await calib((n) => tsRun(wl.ts, n));
    const goRates: number[] = [];
    const tsRates: number[] = [];
    for (let i = 0; i < trials; i++) {
      const order = i % 2 === 0 ? ['go', 'ts'] : ['ts', 'go'];
      for (const side of order) {
        if (side === 'go') {
          const r = await goRun(wl.key, nGo);
          if (wl.perPass !== undefined && r.check !== frames)
            throw new Error(`Go read ${r.check} frames, wrote ${frames}`);
          goRates.push(((wl.perPass ?? nGo) * 1e9) / r.ns);
        } else {
          const r = tsRun(wl.ts, nTs);
          if (wl.perPass !== undefined && r.check !== frames)
            throw new Error(`we read ${r.check} frames, wrote ${frames}`);
          tsRates.push(((wl.perPass ?? nTs) * 1e9) / r.ns);
        }
      }
    }
    const ratio = median(tsRates) / median(goRates);
    const bestRatio = Math.max(...tsRates) / Math.max(...goRates);
    if (ratio >= GOAL) met++;
    rows.push(
      `| ${wl.name} | ${fmt(median(tsRates))} (best ${fmt(Math.max(...tsRates))}) | ${fmt(median(goRates))} (best ${fmt(Math.max(...goRates))}) | ${ratio.toFixed(2)}× | ${bestRatio.toFixed(2)}× | ${ratio >= GOAL ? 'met' : 'NOT met'} |`,
    );
  }
  go.stdin!.end();
  const goFrame = /gopacket-frame ([0-9a-f]+)/.exec(goStderr)?.[1];
  enc.encapsulateInto(inner, out, 0);
  const ourFrame = toHex(out.subarray(0, frame.length));

  // Extra rows (no gopacket counterpart): allocating APIs and the stream-based readers.
  const extraRows: string[] = [];
  {
    const n = 200_000;
    const r = tsRun((k) => {
      let s = 0;
      for (let i = 0; i < k; i++) s += decodeGeneve(header1).vni;
      return s;
    }, n);
    extraRows.push(`| decodeGeneve (object API, allocates), 1 option | ${fmt((n * 1e9) / r.ns)} | – | – | – | – |`);
  }
  {
    const t = performance.now();
    const p = new CaptureParser();
    let count = 0;
    for await (const c of createReadStream(capPath, { highWaterMark: 1 << 20 })) {
      p.push(c as Buffer);
      for (let r = p.next(); r !== undefined; r = p.next()) count += r.data.length > 0 ? 1 : 0;
    }
    extraRows.push(
      `| CaptureParser.next() (a record object each) over fs.createReadStream, 100 MB | ${fmt(count / ((performance.now() - t) / 1000))} | – | – | – | – |`,
    );
  }
  {
    const t = performance.now();
    let count = 0;
    for await (const r of readCapture(createReadStream(capPath, { highWaterMark: 1 << 20 })))
      count += r.data.length > 0 ? 1 : 0;
    extraRows.push(
      `| readCapture (async iterator) over fs.createReadStream, 100 MB | ${fmt(count / ((performance.now() - t) / 1000))} | – | – | – | – |`,
    );
  }

  console.log(
    `node ${process.version}, ${new Date().toISOString()}, ${trials} alternating trials of ~${trialMs} ms per side, capture ${frames} frames / ${(written / 1048576).toFixed(0)} MiB`,
  );
  console.log(
    `encapsulated frame identical to gopacket's: ${goFrame === ourFrame ? 'yes' : `NO\n ours ${ourFrame}\n go   ${goFrame}`}`,
  );
  console.log('');
  console.log(
    '| workload | ovn-sdk median (best) | gopacket 1.1.19 median (best) | ratio of medians | ratio of bests | goal ≥ 2× (medians) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  for (const r of extraRows) console.log(r);
  console.log('');
  console.log(`goals met: ${met} of ${workloads.length}`);
} finally {
  go?.kill();
  rmSync(dir, { recursive: true, force: true });
}

function fmt(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`;
}
