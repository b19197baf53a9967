/**
 * One fixture, three tests — in the style of mqtt-packet's tests: the golden bytes parse to the
 * value, the value encodes to the golden bytes, and the two mirror each other (parse ∘ encode is
 * the identity on the value, encode ∘ parse on the bytes).
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/wire/index.js';

export interface CodecFixture<V> {
  readonly name: string;
  /** The golden bytes, as hex (whitespace and `:` allowed). */
  readonly hex: string;
  readonly value: V;
}

export interface FixtureCodec<V> {
  decode(bytes: Uint8Array): V;
  encode(value: V): Uint8Array;
}

/** Registers parse / encode / mirror tests for each fixture. */
export function testCodecFixtures<V>(
  title: string,
  codec: FixtureCodec<V>,
  fixtures: readonly CodecFixture<V>[],
): void {
  describe(title, () => {
    for (const f of fixtures) {
      const bytes = fromHex(f.hex);
      it(`${f.name}: parse`, () => {
        expect(codec.decode(bytes)).toEqual(f.value);
      });
      it(`${f.name}: encode`, () => {
        expect(toHex(codec.encode(f.value))).toBe(toHex(bytes));
      });
      it(`${f.name}: mirror`, () => {
        expect(codec.decode(codec.encode(f.value))).toEqual(f.value);
        expect(toHex(codec.encode(codec.decode(bytes)))).toBe(toHex(bytes));
      });
    }
  });
}
