/**
 * JSON text exactly as Open vSwitch's lib/json.c writes it with JSSF_SORT: object members sorted by
 * name (byte order), integers as `%lld`, reals as `%.15g`, strings escaped with its table (control
 * characters, `"` and `\` only; everything else verbatim). Used for the `syntax` member of errors,
 * which clients may compare as text.
 */

/** C's `%.15g` (DBL_DIG) for a finite double. */
export function formatG15(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  // toExponential gives the correctly rounded mantissa and the exponent after rounding.
  const e = x.toExponential(14);
  const [mant, expStr] = e.split('e') as [string, string];
  const X = Number(expStr);
  void exp;
  if (X < -4 || X >= 15) {
    let m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    if (m === '') m = '0';
    const sign = X < 0 ? '-' : '+';
    const ax = Math.abs(X);
    return `${m}e${sign}${ax < 10 ? '0' : ''}${ax}`;
  }
  let f = x.toFixed(Math.max(0, 14 - X));
  if (f.includes('.')) f = f.replace(/0+$/, '').replace(/\.$/, '');
  return f;
}

/** A JS number as OVS writes it: an integer in int64 range as an integer, anything else as a real. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Math.abs(n) < 2 ** 53 ? String(n) : BigInt(n).toString();
  return formatG15(n);
}

function escapeString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0d:
        out += '\\r';
        break;
      default:
        out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out + s.slice(start) + '"';
}

/** Byte-order (UTF-8 strcmp) comparison of two JS strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 puts surrogates (astral characters) below U+E000..U+FFFF; UTF-8 puts them above.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Serializes like `json_to_string(json, JSSF_SORT)`. */
export function ovsJsonText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatNumber(v);
    case 'string':
      return escapeString(v);
    case 'object': {
      if (Array.isArray(v)) return '[' + v.map(ovsJsonText).join(',') + ']';
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).sort(compareStrings);
      return '{' + keys.map((k) => escapeString(k) + ':' + ovsJsonText(o[k])).join(',') + '}';
    }
    default:
      return 'null';
  }
}
