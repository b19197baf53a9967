/** Types of scripts/layers.mjs (plain JS so eslint.config.js can load it without a TS loader). */
export declare const LAYERS: Readonly<Record<string, readonly string[]>>;
export declare function layerOf(srcRelative: string): string;
export declare function mayImport(
  from: string,
  to: string,
  how?: { readonly typeOnly?: boolean; readonly barrel?: boolean },
): boolean;
