/**
 * The ceiling of any per-record async iterator on this machine: `for await` over iterators that do no
 * work at all (bench/RESULTS-geneve.md uses it to show why `readCapture` cannot match gopacket's pcap
 * reader record by record).
 *
 *   npx tsx bench/for-await-floor.ts [n=5000000]
 */
const N = Number(process.argv[2] ?? 5_000_000);

function rate(t0: number): string {
  return `${(N / ((performance.now() - t0) / 1000) / 1e6).toFixed(1)} M/s`;
}

async function main(): Promise<void> {
  let sum = 0;
  let i = 0;
  const promised: AsyncIterableIterator<number> = {
    next: () => Promise.resolve(i++ < N ? { value: i, done: false } : { value: undefined, done: true }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  let t0 = performance.now();
  for await (const v of promised) sum += v;
  console.log(`next() returns a resolved promise: ${rate(t0)}`);

  async function* gen(): AsyncGenerator<number> {
    for (let k = 0; k < N; k++) yield k;
  }
  t0 = performance.now();
  for await (const v of gen()) sum += v;
  console.log(`async generator: ${rate(t0)}`);
  if (sum < 0) console.log(sum);
}

await main();
