/** Paths and loaders for the third-party vectors in ../shared/vectors (see its README.md). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/vectors');

export interface ActionVector {
  hex: string;
  expected_text: string[];
  ovs31_stdout: string[];
  ovs31_matches: boolean;
}
export interface ActionSet {
  title: string;
  command: 'parse-actions' | 'parse-instructions';
  of_version: string;
  vectors: ActionVector[];
}

export function loadActionSets(): ActionSet[] {
  return (
    JSON.parse(readFileSync(resolve(VECTORS, 'openflow/ovs-tests/ofp-actions.json'), 'utf8')) as { sets: ActionSet[] }
  ).sets;
}

export const OF_VERSION_BYTE: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = {
  OpenFlow10: 1,
  OpenFlow11: 2,
  OpenFlow12: 3,
  OpenFlow13: 4,
  OpenFlow14: 5,
  OpenFlow15: 6,
};
