/**
 * An incremental JSON syntax check of a stream of top-level objects/arrays, byte by byte across
 * chunks. The splitter only balances brackets, so `{"a":[}` would wait forever for more input;
 * ovsdb-server's parser rejects it at the `}` and drops the connection. This check lets the embedded
 * server do the same. Bytes ≥ 0x80 (UTF-8) are only allowed inside strings.
 */
import { JsonRpcFramingError } from '../jsonrpc/errors.js';

const enum S {
  Top,
  Value,
  ObjKeyOrEnd,
  ObjKey,
  Colon,
  ObjNext,
  ArrValueOrEnd,
  ArrNext,
  Str,
  StrEsc,
  StrHex,
  Lit,
  Num,
}

/** lib/json.c's JSON_MAX_HEIGHT: the deepest nesting ovsdb-server parses. */
const MAX_HEIGHT = 1000;

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class JsonStreamCheck {
  private state = S.Top;
  /** Open containers: 1 object, 2 array. */
  private readonly stack: number[] = [];
  private strIsKey = false;
  private hex = 0;
  private lit = '';
  private litPos = 0;
  private offset = 0;

  private fail(msg: string): never {
    throw new JsonRpcFramingError(`syntax error at byte ${this.offset}: ${msg}`, this.offset);
  }

  /** After a value ends: what the enclosing container expects next. */
  private endValue(): void {
    const top = this.stack[this.stack.length - 1];
    this.state = top === undefined ? S.Top : top === 1 ? S.ObjNext : S.ArrNext;
  }

  private startValue(c: number): void {
    // lib/json.c: JSON_MAX_HEIGHT; a deeper value is a parse error, and ovsdb-server drops the connection.
    if ((c === 0x7b || c === 0x5b) && this.stack.length >= MAX_HEIGHT)
      this.fail(`input exceeds maximum nesting depth ${MAX_HEIGHT}`);
    switch (c) {
      case 0x7b:
        this.stack.push(1);
        this.state = S.ObjKeyOrEnd;
        return;
      case 0x5b:
        this.stack.push(2);
        this.state = S.ArrValueOrEnd;
        return;
      case 0x22:
        this.strIsKey = false;
        this.state = S.Str;
        return;
      case 0x74:
        this.lit = 'true';
        break;
      case 0x66:
        this.lit = 'false';
        break;
      case 0x6e:
        this.lit = 'null';
        break;
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          this.state = S.Num;
          return;
        }
        this.fail(`unexpected ${JSON.stringify(String.fromCharCode(c))}`);
    }
    this.litPos = 1;
    this.state = S.Lit;
  }

  /** Checks a chunk; throws {@link JsonRpcFramingError} at the first byte that cannot continue valid JSON. */
  feed(b: Uint8Array): void {
    for (let i = 0; i < b.length; i++, this.offset++) {
      const c = b[i]!;
      switch (this.state) {
        case S.Str:
          if (c === 0x22) {
            if (this.strIsKey) this.state = S.Colon;
            else this.endValue();
          } else if (c === 0x5c) this.state = S.StrEsc;
          else if (c < 0x20) this.fail('control character in string');
          continue;
        case S.StrEsc:
          if (c === 0x75) {
            this.hex = 0;
            this.state = S.StrHex;
          } else if ('"\\/bfnrt'.includes(String.fromCharCode(c))) this.state = S.Str;
          else this.fail('bad escape');
          continue;
        case S.StrHex:
          if (!/[0-9a-fA-F]/.test(String.fromCharCode(c))) this.fail('bad \\u escape');
          if (++this.hex === 4) this.state = S.Str;
          continue;
        case S.Lit:
          if (c !== this.lit.charCodeAt(this.litPos)) this.fail(`bad literal`);
          if (++this.litPos === this.lit.length) this.endValue();
          continue;
        case S.Num:
          if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) continue;
          this.endValue();
          break; // the delimiter is handled below
      }
      if (isWs(c)) continue;
      switch (this.state) {
        case S.Top:
          if (c !== 0x7b && c !== 0x5b) this.fail('a message must be an object or array');
          this.startValue(c);
          break;
        case S.Value:
          this.startValue(c);
          break;
        case S.ArrValueOrEnd:
          if (c === 0x5d) {
            this.stack.pop();
            this.endValue();
          } else this.startValue(c);
          break;
        case S.ObjKeyOrEnd:
        case S.ObjKey:
          if (c === 0x7d && this.state === S.ObjKeyOrEnd) {
            this.stack.pop();
            this.endValue();
          } else if (c === 0x22) {
            this.strIsKey = true;
            this.state = S.Str;
          } else this.fail('expected a member name');
          break;
        case S.Colon:
          if (c !== 0x3a) this.fail("expected ':'");
          this.state = S.Value;
          break;
        case S.ObjNext:
          if (c === 0x2c) this.state = S.ObjKey;
          else if (c === 0x7d) {
            this.stack.pop();
            this.endValue();
          } else this.fail("expected ',' or '}'");
          break;
        case S.ArrNext:
          if (c === 0x2c) this.state = S.Value;
          else if (c === 0x5d) {
            this.stack.pop();
            this.endValue();
          } else this.fail("expected ',' or ']'");
          break;
        default:
          this.fail('unexpected byte');
      }
    }
  }
}
