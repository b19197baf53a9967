/** Baseline for bench/typecheck-cost.mjs: the typed API without any generated model. */
import { transaction } from '../src/ovsdb/typed/index.js';

export const baseline = typeof transaction;
