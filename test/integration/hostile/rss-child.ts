/**
 * Child process for rss.test.ts: runs the OVSDB client or an OpenFlow connection against a hostile peer
 * the parent started, samples process.memoryUsage().rss, and prints one JSON line: the baseline after
 * connecting (after a GC), the peak, the error that closed the connection, the calls' outcomes, and any
 * uncaught exception or unhandled rejection. Run: node --expose-gc --import tsx rss-child.ts '<json>'.
 */
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { connectSwitch, listenController, type OfConnection } from '../../../src/openflow/index.js';

interface Config {
  /** ovsdb, openflow: connect to the hostile peer at `remote`; controller: listen and print `{"address"}` first. */
  target: 'ovsdb' | 'openflow' | 'controller';
  remote: string;
  options: Record<string, unknown>;
  /** OpenFlow: no request of ours in flight (a barrier is sent by default), so reading may pause. */
  noCall?: boolean;
}
const cfg = JSON.parse(process.argv[2]!) as Config;
const uncaught: string[] = [];
process.on('uncaughtException', (e) => uncaught.push(`uncaughtException: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => uncaught.push(`unhandledRejection: ${String((e as Error)?.stack ?? e)}`));

let peak = 0;
const sample = () => {
  const r = process.memoryUsage().rss;
  if (r > peak) peak = r;
};
const codeOf = (e: unknown) => (e as { code?: string })?.code ?? `untyped: ${String(e)}`;

async function main(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  let base = process.memoryUsage().rss;
  const timer = setInterval(sample, 5);
  let closeCode: string | undefined;
  const calls: string[] = [];
  if (cfg.target === 'ovsdb') {
    const c = await OvsdbClient.connect(cfg.remote, { inactivityProbeMs: 0, requestTimeoutMs: 0, ...cfg.options });
    (globalThis as { gc?: () => void }).gc?.();
    base = process.memoryUsage().rss;
    peak = base;
    const closed = new Promise<string>((resolve) => c.onClose((e) => resolve(codeOf(e))));
    const r = await c.listDbs().then(() => 'resolved', codeOf);
    calls.push(r);
    closeCode = await closed;
  } else {
    let c: OfConnection;
    if (cfg.target === 'controller') {
      const sw = new Promise<OfConnection>((resolve) => {
        void listenController('ptcp:0:127.0.0.1', resolve, {
          echoIntervalMs: 0,
          fetchFeatures: false,
          ...cfg.options,
        }).then((l) => process.stdout.write(`${JSON.stringify({ address: l.address })}\n`));
      });
      c = await sw;
    } else c = await connectSwitch(cfg.remote, { echoIntervalMs: 0, fetchFeatures: false, ...cfg.options });
    (globalThis as { gc?: () => void }).gc?.();
    base = process.memoryUsage().rss;
    peak = base;
    const closed = new Promise<string>((resolve) => c.onClose((e) => resolve(codeOf(e))));
    if (!cfg.noCall) calls.push(await c.barrier({ timeoutMs: 120_000 }).then(() => 'resolved', codeOf));
    closeCode = await closed;
  }
  sample();
  clearInterval(timer);
  process.stdout.write(`${JSON.stringify({ base, peak, growth: peak - base, closeCode, calls, uncaught })}\n`);
}

main().then(
  () => setTimeout(() => process.exit(0), 20),
  (e) => {
    process.stdout.write(`${JSON.stringify({ fatal: String((e as Error)?.stack ?? e), uncaught })}\n`);
    process.exit(1);
  },
);
