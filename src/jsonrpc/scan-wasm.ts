/**
 * The WebAssembly SIMD value-boundary scanner (source: scanner.wat, assembled into scan-wasm.gen.ts).
 * It looks at 64 bytes per step where the JavaScript scanner looks at one; same rules, same results.
 * One module instance serves every splitter: state is passed in and read back on each call, and calls
 * are synchronous, so splitters never see each other's data.
 */
import type { Scanner } from './scan-js.js';
import { SCANNER_WASM_BASE64 } from './scan-wasm.gen.js';

/** Layout of the module's memory (see scanner.wat). */
const PIECE = 65536;
const STATE_OFFSET = 65536;
const PAIRS_OFFSET = 65600;

type ScanFn = (len: number, depth: number, inString: number, escaped: number) => number;

/** The part of the WebAssembly JS API used here (the project's `lib` has no DOM typings). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

let shared: Scanner | null | undefined;

/**
 * The shared WebAssembly scanner, or `undefined` where WebAssembly SIMD cannot be compiled
 * (e.g. `--jitless`, or a runtime without SIMD).
 */
export function wasmScanner(): Scanner | undefined {
  if (shared === undefined) {
    try {
      shared = instantiate();
    } catch {
      shared = null;
    }
  }
  return shared ?? undefined;
}

function instantiate(): Scanner {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = new wasm.Module(Buffer.from(SCANNER_WASM_BASE64, 'base64'));
  const instance = new wasm.Instance(module, {});
  const memory = instance.exports['memory'] as { readonly buffer: ArrayBuffer };
  const run = instance.exports['scan'] as ScanFn;
  // The memory never grows (its maximum is its initial size), so these views stay valid.
  const input = new Uint8Array(memory.buffer, 0, PIECE);
  const state = new Int32Array(memory.buffer, STATE_OFFSET, 5);
  const pairs = new Int32Array(memory.buffer, PAIRS_OFFSET, PIECE + 2);
  return {
    kind: 'wasm',
    maxPiece: PIECE,
    state,
    pairs,
    scan(piece, depth, inString, escaped) {
      input.set(piece);
      return run(piece.length, depth, inString, escaped);
    },
  };
}
