/**
 * Value-boundary scanners behind {@link JsonSplitter}: the interface, and the plain JavaScript scanner that is
 * both the reference for the WebAssembly one (scan-wasm.ts, tested byte-for-byte against this) and the
 * fallback where WebAssembly SIMD is unavailable.
 *
 * Rules (both scanners): between values only JSON whitespace (space, tab, LF, CR) and an opening bracket
 * (`{` or `[`) are allowed; inside a value a backslash escapes the next byte (an escaped quote neither opens
 * nor closes a string, an escaped backslash escapes nothing); `{ [ } ]` change the depth only outside
 * strings; a value ends when the depth returns to zero. Everything else (numbers, literals, UTF-8) is
 * opaque, so a multi-byte character split across chunks needs no care: bytes ≥ 0x80 are never structure.
 */

/** Index of each field in {@link Scanner.state}. */
export const SCAN_STATE = {
  depth: 0,
  inString: 1,
  escaped: 2,
  /** Start of the value still open at the end of the piece; -1 if it began in an earlier piece or none is open. */
  start: 3,
  /** Position of a byte not allowed between values; -1 if none (the scan stopped there). */
  errorAt: 4,
} as const;

/** Scans one piece of the stream, carrying state between pieces. */
export interface Scanner {
  readonly kind: 'wasm' | 'js';
  /** Largest piece {@link Scanner.scan} accepts, in bytes. */
  readonly maxPiece: number;
  /** State after the last scan, indexed by {@link SCAN_STATE}. Valid until the next scan. */
  readonly state: Int32Array;
  /**
   * Values that ended in the last scan, as (start, end) pairs of positions in the piece (end exclusive);
   * start is -1 when the value began in an earlier piece. Valid until the next scan.
   */
  readonly pairs: Int32Array;
  /**
   * Scans `piece` (at most {@link Scanner.maxPiece} bytes) from the state left by the previous piece;
   * returns how many values ended (see {@link Scanner.pairs}); on a byte not allowed between values it stops
   * there, with `state[SCAN_STATE.errorAt]` its position.
   */
  scan(piece: Uint8Array, depth: number, inString: number, escaped: number): number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The JavaScript scanner (reference and fallback). */
export function createJsScanner(maxPiece = 64 * 1024): Scanner {
  const state = new Int32Array(5);
  const pairs = new Int32Array(maxPiece + 2);
  return {
    kind: 'js',
    maxPiece,
    state,
    pairs,
    scan(piece, depth, inString, escaped) {
      const len = piece.length;
      let n = 0;
      let start = -1;
      let i = 0;
      while (i < len) {
        const c = piece[i]!;
        if (depth === 0) {
          if ((c | 0x20) === 0x7b) {
            start = i;
            depth = 1;
            inString = 0;
            escaped = 0;
          } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
            state[0] = 0;
            state[1] = 0;
            state[2] = 0;
            state[3] = -1;
            state[4] = i;
            return n;
          }
          i++;
          continue;
        }
        i++;
        if (escaped) {
          escaped = 0;
          if (c === QUOTE || c === BACKSLASH) continue;
        } else if (c === BACKSLASH) {
          escaped = 1;
          continue;
        } else if (c === QUOTE) {
          inString ^= 1;
          continue;
        }
        if (inString) continue;
        if ((c | 0x20) === 0x7b) depth++;
        else if ((c | 0x20) === 0x7d && --depth === 0) {
          pairs[2 * n] = start;
          pairs[2 * n + 1] = i;
          n++;
          start = -1;
        }
      }
      state[0] = depth;
      state[1] = inString;
      state[2] = escaped;
      state[3] = start;
      state[4] = -1;
      return n;
    },
  };
}
