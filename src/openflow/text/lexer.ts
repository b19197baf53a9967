import { FlowParseError } from './errors.js';

/** A piece of flow text with its character offset in the whole input. */
export interface Piece {
  readonly text: string;
  readonly pos: number;
}

/**
 * Splits at top-level separators (commas, and whitespace when `spaces`), keeping parentheses and
 * brackets balanced. Empty pieces are dropped.
 */
export function splitTop(text: string, base: number, spaces: boolean): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  const flush = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, pos: base + start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b)
      depth++; // ( [
    else if (c === 0x29 || c === 0x5d) {
      // ) ]
      depth--;
      if (depth < 0) throw new FlowParseError('OF_TEXT_SYNTAX', `unbalanced '${text[i]}'`, base + i);
    } else if (depth === 0 && (c === 0x2c || (spaces && (c === 0x20 || (c >= 0x09 && c <= 0x0d))))) {
      flush(i);
      start = i + 1;
    }
  }
  if (depth !== 0) throw new FlowParseError('OF_TEXT_SYNTAX', 'unbalanced parentheses', base + text.length);
  flush(text.length);
  return out;
}

/** `key=value`, `key:value` or `key(args)` split of one piece. */
export function keyValue(
  p: Piece,
  seps = '=:',
): { key: string; value: string | undefined; valuePos: number; paren: boolean } {
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text[i]!;
    if (c === '(') {
      if (!p.text.endsWith(')'))
        return { key: p.text, value: undefined, valuePos: p.pos + p.text.length, paren: false };
      return { key: p.text.slice(0, i), value: p.text.slice(i + 1, -1), valuePos: p.pos + i + 1, paren: true };
    }
    if (c === '[') {
      const j = p.text.indexOf(']', i);
      if (j < 0) break;
      i = j;
      continue;
    }
    if (seps.includes(c))
      return { key: p.text.slice(0, i), value: p.text.slice(i + 1), valuePos: p.pos + i + 1, paren: false };
  }
  return { key: p.text, value: undefined, valuePos: p.pos + p.text.length, paren: false };
}
