/**
 * Integer-exact JSON both ways, for OVSDB's 64-bit integers (RFC 7047 §3.1) — pure, no I/O.
 *
 * Writing: `JSON.stringify` writes a double by its shortest round-trip digits, so −2⁶³ (exact as a double)
 * becomes `-9223372036854776000`, which ovsdb-server's parser refuses as an integer (it overflows
 * `long long`). {@link stringifyExact} writes every integral number beyond 2⁵³ by its exact digits, and a
 * `bigint` by its digits. The number 2⁶³ is what `JSON.parse` makes of `9223372036854775807` (INT64_MAX):
 * it is written back as `9223372036854775807`, so a value read and written again round-trips (as a real
 * it is the same double either way).
 *
 * Reading: `JSON.parse` rounds integers beyond 2⁵³. {@link parseExact} (the opt-in BigInt mode) turns
 * every integer literal that a double cannot hold exactly into a `bigint`; all other numbers stay numbers.
 *
 * Both rewrite the few numbers concerned through marker strings (a NUL and a per-process random nonce,
 * which a peer cannot know), so the common message takes exactly one plain `JSON.stringify` /
 * `JSON.parse` and a regular-expression test.
 */
import { randomBytes } from 'node:crypto';

const NONCE = `\u0000int-${randomBytes(8).toString('hex')}:`;
/** The marker as `JSON.stringify` writes it (NUL escaped), followed by the digits. */
const MARKED = new RegExp(`"\\\\u0000int-${NONCE.slice(5, -1)}:(-?\\d+)"`, 'g');
/** 16 digits in a row: the only way JSON text can hold an integral number beyond 2⁵³ without an exponent. */
const LONG_DIGITS = /\d{16}/;
const TWO_63 = 2 ** 63;

/** The exact digits of an integral double (2⁶³ as INT64_MAX, see the header). */
function exactDigits(n: number): string {
  return n === TWO_63 ? '9223372036854775807' : BigInt(n).toString();
}

function replacer(_k: string, v: unknown): unknown {
  if (typeof v === 'bigint') return NONCE + v.toString();
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21)
    return NONCE + exactDigits(v);
  return v;
}

/**
 * `JSON.stringify(value)`, but integral numbers beyond 2⁵³ are written by their exact digits and
 * `bigint`s are written as JSON integers (`JSON.stringify` throws on them).
 * @example
 *   stringifyExact([-(2 ** 63), 9223372036854775807n]); // '[-9223372036854775808,9223372036854775807]'
 */
export function stringifyExact(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    // A bigint somewhere (anything else, e.g. a cycle, throws again below).
    if (!(e instanceof TypeError)) throw e;
  }
  // Integral doubles from 2⁵³ to 1e21 are written with 16 to 21 digits; beyond, with an exponent (such
  // a number is far outside int64 and the validators refuse it before it gets here).
  if (text !== undefined && !LONG_DIGITS.test(text)) return text;
  const marked = JSON.stringify(value, replacer);
  return marked.replace(MARKED, '$1');
}

/** True when `bytes` hold 16 digits in a row (where {@link parseExact} may have work to do). */
export function hasLongDigits(bytes: Uint8Array): boolean {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c >= 0x30 && c <= 0x39) {
      if (++run >= 16) return true;
    } else run = 0;
  }
  return false;
}

/** An integer literal (no fraction, no exponent) of 16 digits or more, outside strings. */
const INT_TOKEN = /-?\d{16,}(?![.eE\d])/y;

/**
 * `JSON.parse(text)`, but integer literals a double cannot hold exactly become `bigint`s (opt-in BigInt
 * mode). Text without such a literal is parsed by `JSON.parse` alone.
 * @throws SyntaxError as `JSON.parse` does
 */
export function parseExact(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  // Rewrite the long integer literals outside strings as marker strings; strings are skipped whole.
  let out = '';
  let last = 0;
  let found = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote not escaped.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
      continue;
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    // A number starts here (the previous byte is not a digit: numbers are consumed whole below).
    INT_TOKEN.lastIndex = i;
    const m = INT_TOKEN.exec(text);
    if (m) {
      const digits = m[0];
      // A leading zero is not JSON: left for JSON.parse to refuse.
      if (!/^-?0/.test(digits) && !Number.isSafeInteger(Number(digits))) {
        out += text.slice(last, i) + JSON.stringify(NONCE + digits);
        last = i + digits.length;
        found = true;
      }
      i += digits.length - 1;
      continue;
    }
    // Some other number: skip its characters.
    while (i + 1 < n && /[-+.eE\d]/.test(text[i + 1]!)) i++;
  }
  if (!found) return JSON.parse(text);
  out += text.slice(last);
  return JSON.parse(out, (_k, v: unknown) =>
    typeof v === 'string' && v.startsWith(NONCE) ? BigInt(v.slice(NONCE.length)) : v,
  );
}
