/**
 * Parsing a large message in slices, so that the event loop keeps running while it is decoded.
 *
 * One `JSON.parse` of a 10 MB monitor reply blocks the event loop for hundreds of milliseconds (seconds
 * for 100 MB). Instead, the message is first indexed in one linear pass that follows strings and
 * escapes as the splitter's scanner does (scan-js.ts), and records, for every container (object or
 * array) at least {@link SlicedParseOptions.pieceBytes} long, its extent, the positions of the commas
 * that separate its members and its large children. Then the value is assembled top-down: runs of
 * small members are `JSON.parse`d together (an array's member texts wrapped in `[…]`; an object's as
 * `[key, value, …]`, each member's colon turned into a comma, then set into the result), large members
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
import { isUtf8 } from 'node:buffer';
import { parseMessage } from './splitter.js';

export interface SlicedParseOptions {
  /** Target size of the text given to one `JSON.parse`, bytes (default 64 KiB). */
  pieceBytes?: number;
  /** Work done before yielding to the event loop, ms (default 8). */
  budgetMs?: number;
  /**
   * Called after each turn of work with its wall time and the process CPU time it used, ms (benchmarks:
   * the stall the parse itself causes, told apart from waiting for a CPU on a loaded machine). @internal
   */
  onTurn?: (ms: number, cpuMs: number) => void;
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
  readonly seps: Int32Array;
  /** Its large members' values, in order. */
  readonly children: readonly Big[];
}

/** Structure found to be invalid; the caller falls back to the whole-message parse for the error. */
class Malformed extends Error {}

/**
 * The quote that closes the string opened at `open`: the next one preceded by an even number of
 * backslashes (the rule of the splitter's scanners, scan-js.ts). Throws if there is none before `limit`.
 */
function closingQuote(bytes: Uint8Array, buf: Buffer, open: number, limit: number): number {
  let q = open;
  for (;;) {
    q = buf.indexOf(QUOTE, q + 1);
    if (q < 0) throw new Malformed('unterminated string');
    let b = q - 1;
    while (bytes[b] === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q < limit ? q : fail('string runs past its member');
  }
}

function fail(why: string): never {
  throw new Malformed(why);
}

/** A growable stack of positions. */
class IntStack {
  a = new Int32Array(1024);
  top = 0;
  push(v: number): void {
    if (this.top === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.top++] = v;
  }
}

/**
 * The index pass, resumable: {@link Indexer.scan} covers a range of the message and keeps its state
 * (open containers, pending commas and large children) for the next range. Plain typed-array stacks
 * rather than arrays of numbers: about one comparison per byte outside strings, and strings skipped
 * with `indexOf` (memchr).
 */
class Indexer {
  private readonly buf: Buffer;
  /** Per open container: start, height of seps and of kids when it opened. */
  private readonly open = new IntStack();
  private readonly openSeps = new IntStack();
  private readonly openKids = new IntStack();
  private readonly seps = new IntStack();
  private kids: Big[] = [];
  private kidsTop = 0;
  top: Big | undefined;
  /** Next byte to scan. */
  pos: number;
  /** Bytes before this are known to be valid UTF-8. */
  private valid = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly pieceBytes: number,
    first: number,
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = first;
  }

  /** Scans up to `to` (a string may take it a little further). */
  scan(to: number): void {
    const bytes = this.bytes;
    const buf = this.buf;
    const open = this.open;
    const seps = this.seps;
    const n = Math.min(to, bytes.length);
    let i = this.pos;
    while (i < n) {
      const c = bytes[i]!;
      if (c === QUOTE) {
        if (open.top === 0) throw new Malformed('bytes after the value');
        i = closingQuote(bytes, buf, i, bytes.length) + 1;
        continue;
      }
      if (c === COMMA) {
        if (open.top === 0) throw new Malformed('comma outside the value');
        seps.push(i);
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (open.top === 0 && this.top) throw new Malformed('a second value');
        open.push(i);
        this.openSeps.push(seps.top);
        this.openKids.push(this.kidsTop);
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (open.top === 0) throw new Malformed('unbalanced close');
        this.close(i, c);
      } else if (open.top === 0 && !isWs(c)) {
        throw new Malformed('bytes after the value');
      }
      i++;
    }
    this.pos = i;
    // UTF-8 validity up to the last ASCII byte scanned (a character never spans that cut).
    let cut = Math.min(i, bytes.length);
    while (cut > this.valid && bytes[cut - 1]! >= 0x80) cut--;
    if (cut > this.valid) {
      if (!isUtf8(bytes.subarray(this.valid, cut))) throw new Malformed('invalid UTF-8');
      this.valid = cut;
    }
  }

  /** Checks the end state; returns the top-level container. */
  finish(): Big {
    if (this.open.top > 0 || !this.top) throw new Malformed('unterminated value');
    if (!isUtf8(this.bytes.subarray(this.valid))) throw new Malformed('invalid UTF-8');
    return this.top;
  }

  private close(i: number, c: number): void {
    const open = this.open;
    const start = open.a[--open.top]!;
    if (this.bytes[start]! + 2 !== c) throw new Malformed('mismatched brackets');
    const s0 = this.openSeps.a[--this.openSeps.top]!;
    const k0 = this.openKids.a[--this.openKids.top]!;
    const end = i + 1;
    let big: Big | undefined;
    if (end - start >= this.pieceBytes || open.top === 0) {
      big = {
        start,
        end,
        pieceBytes: this.pieceBytes,
        seps: this.seps.a.slice(s0, this.seps.top),
        children: this.kids.slice(k0, this.kidsTop),
      };
    }
    this.seps.top = s0;
    this.kidsTop = k0;
    if (!big) return;
    if (open.top === 0) this.top = big;
    else this.kids[this.kidsTop++] = big; // a large member of the enclosing container
  }
}

/**
 * Indexes `bytes` (one JSON value) and returns its top-level container, or undefined when the value is
 * not a container (or too long for 32-bit positions). Yields between scanned ranges.
 */
function* index(bytes: Uint8Array, pieceBytes: number, rangeBytes: number): Generator<void, Big | undefined> {
  const n = bytes.length;
  let i = 0;
  while (i < n && isWs(bytes[i]!)) i++;
  if (i === n || (bytes[i] !== OPEN_OBJ && bytes[i] !== OPEN_ARR) || n >= 0x7fffffff) return undefined;
  const ix = new Indexer(bytes, pieceBytes, i);
  for (;;) {
    ix.scan(ix.pos + rangeBytes);
    if (ix.pos >= n) return ix.finish();
    yield;
  }
}

function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // JSON.parse makes "__proto__" an own data property; an assignment would set the prototype.
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * Text of a range the index pass has checked to be valid UTF-8 (so the lenient decoder gives what the
 * fatal one would). A BOM after a cut stays in the text, and JSON.parse rejects it as it does in the
 * middle of the whole message; a message starting with a BOM is left to the whole-message parse.
 */
function decode(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
}

/** Where an object run is rewritten before its parse (reused: a parse step runs to its end synchronously). */
let scratch = Buffer.allocUnsafe(0);

/**
 * The colon of the object member that starts at `lo` (`hi` is where it ends): checks that the member
 * begins with whitespace, a string and whitespace before it.
 */
function colonOf(bytes: Uint8Array, buf: Buffer, lo: number, hi: number): number {
  let p = lo;
  while (p < hi && isWs(bytes[p]!)) p++;
  if (p >= hi || bytes[p] !== QUOTE) throw new Malformed('key is not a string');
  let c = closingQuote(bytes, buf, p, hi) + 1;
  while (c < hi && isWs(bytes[c]!)) c++;
  if (c >= hi || bytes[c] !== COLON) throw new Malformed('missing colon');
  return c;
}

function checkWs(bytes: Uint8Array, from: number, to: number): void {
  for (let k = from; k < to; k++) if (!isWs(bytes[k]!)) throw new Malformed('unexpected bytes around a member');
}

/** Builds the value of a large container; yields after each JSON.parse. */
function* build(bytes: Uint8Array, buf: Buffer, big: Big): Generator<void, unknown> {
  const seps = big.seps;
  if (seps.length === 0 && big.children.length === 0) {
    // Empty, or one small member padded with whitespace: one parse.
    return JSON.parse(decode(bytes, big.start, big.end)) as unknown;
  }
  const isObj = bytes[big.start] === OPEN_OBJ;
  let obj: Record<string, unknown> | undefined;
  let arr: unknown[] | undefined;
  const m = seps.length + 1; // members: at least two, or one large one
  // Member j lies strictly between bound(j) and bound(j + 1) (the brackets and commas).
  const bound = (j: number): number => (j === 0 ? big.start : j === m ? big.end - 1 : seps[j - 1]!);
  let kid = 0;
  let first = 0; // first member of the pending run of small members

  // Members first..to-1 as one JSON.parse, merged into the result. An object's run is parsed as an
  // array of keys and values (each key's colon turned into a comma): building an array is cheap, while
  // an object of a few hundred fresh keys (uuids) would get a hidden class per key only to be copied.
  const flush = (to: number): void => {
    const from = bound(first) + 1;
    const len = bound(to) - from;
    if (!isObj) {
      const v = JSON.parse('[' + decode(bytes, from, from + len) + ']') as unknown[];
      // A member that is only whitespace: `[ ]` for a run of one, a SyntaxError for longer runs.
      if (v.length !== to - first) throw new Malformed('empty array member');
      if (!arr) arr = v;
      else for (let k = 0; k < v.length; k++) arr.push(v[k]);
    } else {
      if (scratch.length < len + 2) scratch = Buffer.allocUnsafe(Math.max(len + 2, 2 * scratch.length));
      scratch[0] = OPEN_ARR;
      scratch.set(bytes.subarray(from, from + len), 1);
      scratch[len + 1] = CLOSE_ARR;
      for (let j = first; j < to; j++) scratch[colonOf(bytes, buf, bound(j) + 1, bound(j + 1)) - from + 1] = COMMA;
      const v = JSON.parse(scratch.toString('utf8', 0, len + 2)) as unknown[];
      if (v.length !== 2 * (to - first)) throw new Malformed('object member is not key:value');
      obj ??= {};
      for (let k = 0; k < v.length; k += 2) {
        const key = v[k];
        if (typeof key !== 'string') throw new Malformed('key is not a string');
        setMember(obj, key, v[k + 1]);
      }
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
        const c = colonOf(bytes, buf, lo, child.start);
        const k = JSON.parse(decode(bytes, lo, c)) as unknown;
        if (typeof k !== 'string') throw new Malformed('key is not a string');
        key = k;
        checkWs(bytes, c + 1, child.start);
      } else checkWs(bytes, lo, child.start);
      checkWs(bytes, child.end, hi);
      const value = yield* build(bytes, buf, child);
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
    const top = yield* index(bytes, pieceBytes, Math.max(pieceBytes, 128 * 1024));
    if (!top) return parseMessage(bytes);
    value = yield* build(bytes, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), top);
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
      const c0 = opts.onTurn ? process.cpuUsage() : undefined;
      let done = false;
      try {
        for (;;) {
          const r = it.next();
          if (r.done) {
            done = true;
            resolve(r.value);
            break;
          }
          if (performance.now() - t0 >= budget) break;
        }
      } catch (e) {
        reject(e);
        return;
      } finally {
        if (c0) {
          const c = process.cpuUsage(c0);
          opts.onTurn!(performance.now() - t0, (c.user + c.system) / 1000);
        }
      }
      if (!done) setImmediate(run);
    };
    setImmediate(run);
  });
}

/** The index pass alone, run to the end (for benchmarks: where the time goes). @internal */
export function indexSync(bytes: Uint8Array, pieceBytes = 64 * 1024): number {
  const it = index(bytes, pieceBytes, 1 << 20);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value ? r.value.end : -1;
  }
}
