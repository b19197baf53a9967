/**
 * Large fuzz run for the match / action / instruction decoders and the flow-text parser (not part
 * of `npm test`). Feeds random and mutated inputs; any exception that is not an SdkError, or a
 * decode that takes longer than 1 s, is a failure.
 *
 *   npx tsx fuzz/openflow-flow.ts [cases=1000000] [seed=1]
 */
import { readFileSync } from 'node:fs';
import { SdkError } from '../src/errors.js';
import {
  actionsLength,
  readActions,
  readInstructions,
  writeActions,
  formatActions,
  formatInstructions,
} from '../src/openflow/actions/index.js';
import { formatMatch, readMatch, readMatch10, readOxmFields } from '../src/openflow/match/index.js';
import { parseFlow } from '../src/openflow/text/index.js';
import { ByteReader, ByteWriter, fromHex } from '../src/wire/index.js';
import { xorshift32 } from '../src/testing/random.js';

const cases = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1) >>> 0;
const rnd = xorshift32(seed);

const vec = JSON.parse(
  readFileSync(new URL('../../shared/vectors/openflow/ovs-tests/ofp-actions.json', import.meta.url), 'utf8'),
) as {
  sets: { vectors: { hex: string }[] }[];
};
const seeds = vec.sets
  .flatMap((s) => s.vectors.map((v) => v.hex))
  .filter((h) => h.length % 2 === 0)
  .map((h) => fromHex(h));
const words =
  'ip tcp udp reg0 reg1 NXM_NX_REG0[] [0..15] ct_state +trk -new zone= commit nat( src= ) , actions= resubmit(,9) load: -> move: 0x5 10.0.0.1 /24 learn( output: set_field: eth_src tun_metadata3 conjunction(1,1/2) ct( exec('.split(
    ' ',
  );

function input(): Uint8Array {
  if (rnd() % 2 === 0) {
    const b = new Uint8Array(rnd() % 96);
    for (let i = 0; i < b.length; i++) b[i] = rnd() & 0xff;
    return b;
  }
  const s = seeds[rnd() % seeds.length]!;
  const b = Uint8Array.from(s);
  const flips = rnd() % 5;
  for (let i = 0; i < flips && b.length; i++) b[rnd() % b.length] = rnd() & 0xff;
  return b.subarray(0, Math.max(0, b.length - (rnd() % 9)));
}

let typed = 0;
let ok = 0;
const t0 = performance.now();
function run(fn: () => void, what: string, show: () => string): void {
  const s = performance.now();
  try {
    fn();
    ok++;
  } catch (e) {
    if (!(e instanceof SdkError)) {
      console.error(`FAIL (${what}): ${String(e)}\ninput: ${show()}`);
      process.exit(1);
    }
    typed++;
  }
  if (performance.now() - s > 1000) {
    console.error(`SLOW (${what}) ${performance.now() - s} ms\ninput: ${show()}`);
    process.exit(1);
  }
}
const hex = (b: Uint8Array) => (): string => Buffer.from(b).toString('hex');
for (let i = 0; i < cases; i++) {
  const b = input();
  const v = ([1, 4, 6] as const)[rnd() % 3]!;
  switch (i % 5) {
    case 0:
      run(
        () => {
          const l = readActions(new ByteReader(b), b.length, v);
          formatActions(l);
          writeActions(ByteWriter.alloc(actionsLength(l, v)), l, v);
        },
        'actions',
        hex(b),
      );
      break;
    case 1:
      run(() => formatInstructions(readInstructions(new ByteReader(b), b.length, v)), 'instructions', hex(b));
      break;
    case 2:
      run(() => formatMatch(readOxmFields(new ByteReader(b), b.length)), 'oxm', hex(b));
      break;
    case 3:
      run(
        () => formatMatch(b.length % 2 ? readMatch10(new ByteReader(b)) : readMatch(new ByteReader(b), 4)),
        'match',
        hex(b),
      );
      break;
    default: {
      const n = rnd() % 12;
      let t = '';
      for (let k = 0; k < n; k++) t += words[rnd() % words.length]!;
      run(
        () => parseFlow(t, v),
        'text',
        () => t,
      );
    }
  }
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `${cases} cases in ${secs.toFixed(1)} s: ${ok} decoded, ${typed} typed errors, 0 built-in exceptions, 0 hangs`,
);
