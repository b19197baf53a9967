/**
 * Parsing a large message in slices, so that the event loop keeps running while it is decoded.
 *
 * One `JSON.parse` of a 10 MB monitor reply blocks the event loop for hundreds of milliseconds (seconds
 * for 100 MB). Instead, the message is first indexed in one linear pass that follows strings and
 * escapes as the splitter's scanner does (scan-js.ts), and records, for every container (object or
 * array) at least {@link SlicedParseOptions.pieceBytes} long, its extent, the positions of the commas
 * that separate its members and its large children. Then the value is assembled top-down: runs of
 * small members are `JSON.parse`d together (the member texts wrapped in `{…}` or `[…]`), large members
 * are built the same way recursively, and the work is done in steps that yield to the event loop
 * (`setImmediate`) whenever a step has used up its time budget.
 *
 * The result is the value `JSON.parse` gives for the whole text (same keys in the same order — the
 * first occurrence of a duplicate key fixes its position and the last one its value — same `__proto__`
 * own properties, same numbers), and every byte is checked by `JSON.parse` or by an explicit
 * whitespace/key check, so whatever `JSON.parse` rejects is rejected. On any failure the whole message
 * is handed to {@link parseMessage}, which throws exactly the error the synchronous path throws (that
 * one parse may stall; it only happens on malformed input).
 */
import { parseMessage } from './splitter.js';

export interface SlicedParseOptions {
  /** Target size of the text given to one `JSON.parse`, bytes (default 64 KiB). */
  pieceBytes?: number;
  /** Work done before yielding to the event loop, ms (default 8). */
  budgetMs?: number;
  /** Stops the parse: the promise rejects with the signal's reason at the next step. */
  signal?: AbortSignal;
  /**
   * Throw the slicing's own error instead of falling back to the whole-message parse (tests use it to
   * show that valid input never needs the fallback and invalid input is caught by the slices).
   * @internal
   */
  noFallback?: boolean;
}

const OPEN_OBJ = 0x7b; // {
const CLOSE_OBJ = 0x7d; // }
const OPEN_ARR = 0x5b; // [
const CLOSE_ARR = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/** RFC 8259 §2 whitespace: space, horizontal tab, line feed, carriage return. */
function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A container at least pieceBytes long: `[start, end)` with the opening byte at start. */
interface Big {
  readonly start: number;
  readonly end: number;
  readonly pieceBytes: number;
  /** Positions of the commas between its members. */
  readonly seps: readonly number[];
  /** Its large members' values, in order. */
  readonly children: readonly Big[];
}

/** Structure found to be invalid; the caller falls back to the whole-message parse for the error. */
class Malformed extends Error {}

// ignoreBOM: a BOM after a cut must stay in the text (JSON.parse then rejects it, as it rejects it
// in the middle of the whole message); only the whole message's leading BOM is stripped, and a message
// starting with one is left to the whole-message parse.
const pieceDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Indexes `bytes` (one JSON value) and returns its top-level container, or undefined when the value is
 * not a container. Yields between scanned ranges.
 */
function* index(bytes: Uint8Array, pieceBytes: number, rangeBytes: number): Generator<void, Big | undefined> {
  const n = bytes.length;
  let i = 0;
  while (i < n && isWs(bytes[i]!)) i++;
  if (i === n || (bytes[i] !== OPEN_OBJ && bytes[i] !== OPEN_ARR)) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Per open container: its start and the heights of the comma and child stacks when it opened.
  const openStart: number[] = [];
  const openSeps: number[] = [];
  const openKids: number[] = [];
  const seps: number[] = [];
  const kids: Big[] = [];
  let top: Big | undefined;
  let next = i + rangeBytes;
  while (i < n) {
    if (i >= next) {
      next = i + rangeBytes;
      yield;
    }
    const c = bytes[i]!;
    if (c === QUOTE) {
      if (openStart.length === 0) throw new Malformed('bytes after the value');
      // Skip the string: the next quote preceded by an even number of backslashes.
      let q = i;
      for (;;) {
        q = buf.indexOf(QUOTE, q + 1);
        if (q < 0) throw new Malformed('unterminated string');
        let b = q - 1;
        while (bytes[b] === BACKSLASH) b--;
        if ((q - 1 - b) % 2 === 0) break;
      }
      i = q + 1;
      continue;
    }
    if (c === COMMA) {
      if (openStart.length === 0) throw new Malformed('comma outside the value');
      seps.push(i);
    } else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (openStart.length === 0 && top) throw new Malformed('a second value');
      openStart.push(i);
      openSeps.push(seps.length);
      openKids.push(kids.length);
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      const start = openStart.pop();
      if (start === undefined) throw new Malformed('unbalanced close');
      if (bytes[start]! + 2 !== c) throw new Malformed('mismatched brackets');
      const s0 = openSeps.pop()!;
      const k0 = openKids.pop()!;
      const end = i + 1;
      const big: Big | undefined =
        end - start >= pieceBytes || openStart.length === 0 ? { start, end, pieceBytes, seps: seps.slice(s0), children: kids.slice(k0) } : undefined;
      seps.length = s0;
      kids.length = k0;
      if (big) {
        if (openStart.length === 0) top = big;
        else kids.push(big); // a large member of the enclosing container
      }
    } else if (openStart.length === 0 && !isWs(c)) {
      throw new Malformed('bytes after the value');
    }
    i++;
  }
  if (openStart.length > 0 || !top) throw new Malformed('unterminated value');
  return top;
}

function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // JSON.parse makes "__proto__" an own data property; an assignment would set the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function decode(bytes: Uint8Array, from: number, to: number): string {
  return pieceDecoder.decode(bytes.subarray(from, to));
}

function checkWs(bytes: Uint8Array, from: number, to: number): void {
  for (let k = from; k < to; k++) if (!isWs(bytes[k]!)) throw new Malformed('unexpected bytes around a member');
}

/** Builds the value of a large container; yields after each JSON.parse. */
function* build(bytes: Uint8Array, big: Big): Generator<void, unknown> {
  const seps = big.seps;
  if (seps.length === 0 && big.children.length === 0) {
    // Empty, or one small member padded with whitespace: one parse.
    return JSON.parse(decode(bytes, big.start, big.end)) as unknown;
  }
  const isObj = bytes[big.start] === OPEN_OBJ;
  const open = isObj ? '{' : '[';
  const close = isObj ? '}' : ']';
  let obj: Record<string, unknown> | undefined;
  let arr: unknown[] | undefined;
  const m = seps.length + 1; // members: at least two, or one large one
  // Member j lies strictly between bound(j) and bound(j + 1) (the brackets and commas).
  const bound = (j: number): number => (j === 0 ? big.start : j === m ? big.end - 1 : seps[j - 1]!);
  let kid = 0;
  let first = 0; // first member of the pending run of small members

  // Members first..to-1 as one JSON.parse, merged into the result.
  const flush = (to: number): void => {
    const v = JSON.parse(open + decode(bytes, bound(first) + 1, bound(to)) + close) as Record<string, unknown> | unknown[];
    if (Array.isArray(v)) {
      // A member that is only whitespace: `[ ]` for a run of one, a SyntaxError for longer runs.
      if (v.length !== to - first) throw new Malformed('empty array member');
      if (!arr) arr = v;
      else for (let k = 0; k < v.length; k++) arr.push(v[k]);
    } else {
      const keys = Object.keys(v);
      if (keys.length === 0) throw new Malformed('empty object member');
      if (!obj) obj = v;
      else for (let k = 0; k < keys.length; k++) setMember(obj, keys[k]!, v[keys[k]!]);
    }
    first = to;
  };

  for (let j = 0; j < m; j++) {
    const lo = bound(j) + 1;
    const hi = bound(j + 1);
    const child = big.children[kid];
    if (child && child.start < hi) {
      // A large member: the pending run first, then the member's key (objects) and value.
      if (j > first) {
        flush(j);
        yield;
      }
      kid++;
      let key = '';
      if (isObj) {
        let c = child.start - 1;
        while (c >= lo && isWs(bytes[c]!)) c--;
        if (bytes[c] !== COLON) throw new Malformed('missing colon');
        let s = lo;
        while (s < c && isWs(bytes[s]!)) s++;
        if (bytes[s] !== QUOTE) throw new Malformed('key is not a string');
        const k = JSON.parse(decode(bytes, s, c)) as unknown;
        if (typeof k !== 'string') throw new Malformed('key is not a string');
        key = k;
      } else checkWs(bytes, lo, child.start);
      checkWs(bytes, child.end, hi);
      const value = yield* build(bytes, child);
      if (isObj) setMember((obj ??= {}), key, value);
      else (arr ??= []).push(value);
      first = j + 1;
    } else if (hi - bound(first) >= big.pieceBytes) {
      flush(j + 1);
      yield;
    }
  }
  if (first < m) flush(m);
  return isObj ? obj : arr;
}

/** Runs the whole sliced parse synchronously (for tests: the same steps, no yielding). @internal */
export function parseSlicedSync(bytes: Uint8Array, opts: SlicedParseOptions = {}): unknown {
  const it = steps(bytes, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** The parse as a generator of steps; its return value is the parsed message. */
function* steps(bytes: Uint8Array, opts: SlicedParseOptions): Generator<void, unknown> {
  const pieceBytes = Math.max(1, opts.pieceBytes ?? 64 * 1024);
  let value: unknown;
  try {
    const top = yield* index(bytes, pieceBytes, Math.max(pieceBytes * 16, 1 << 20));
    if (!top) return parseMessage(bytes);
    value = yield* build(bytes, top);
  } catch (e) {
    if (opts.noFallback) throw e;
    // The whole-message parse gives the exact error (or, were the slicing ever wrong, the value).
    return parseMessage(bytes);
  }
  return value;
}

/**
 * Decodes one complete message like {@link parseMessage}, in slices: the work is split into steps of
 * about `budgetMs`, with a `setImmediate` between them, so timers and I/O run while a large message is
 * parsed. Resolves with the value `JSON.parse` gives.
 * @throws {JsonRpcFramingError} `JSONRPC_MALFORMED` (rejects) on invalid UTF-8 or invalid JSON, as parseMessage
 */
export function parseMessageSliced(bytes: Uint8Array, opts: SlicedParseOptions = {}): Promise<unknown> {
  const budget = opts.budgetMs ?? 8;
  const it = steps(bytes, opts);
  return new Promise((resolve, reject) => {
    const run = (): void => {
      if (opts.signal?.aborted) {
        reject(opts.signal.reason);
        return;
      }
      const t0 = performance.now();
      try {
        for (;;) {
          const r = it.next();
          if (r.done) {
            resolve(r.value);
            return;
          }
          if (performance.now() - t0 >= budget) break;
        }
      } catch (e) {
        reject(e);
        return;
      }
      setImmediate(run);
    };
    setImmediate(run);
  });
}
