import { defineConfig } from 'vitest/config';
import { EMBEDDED_BACKEND, ORACLE } from './test/projects.js';

/**
 * Test projects, split by what a test needs (test/ mirrors src/):
 * - `unit`: pure tests — test/unit, test/property and the type tests in test/types. No daemon, no OVS
 *   binary, no root, no network beyond loopback sockets; runs in seconds (`npm run test:unit`).
 *   test/unit/project/test-tree.test.ts enforces it (no unit test starts a process).
 * - `oracle`: property tests that compare with an external program (tshark, ovs-ofctl).
 * - `integration`: real daemons through src/testing, and example tests that run an OVS tool as the oracle
 *   (test/integration; ovs-ofctl through test/integration/openflow-flow/ofctl.ts).
 * `npm test` runs them all.
 */

const shared = { testTimeout: 30_000, hookTimeout: 30_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
          exclude: ORACLE,
          // Pure tests share a worker's module cache: loading the codecs once per worker instead of once per
          // file is most of what keeps `npm run test:unit` under a minute.
          pool: 'threads',
          isolate: false,
        },
      },
      // The type tests (also checked by `tsc --noEmit` in npm test, which includes test/): run by vitest's
      // typecheck, which starts its own tsc over the project — kept out of `unit` so that one stays fast.
      {
        test: {
          ...shared,
          name: 'types',
          include: [],
          typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
        },
      },
      { test: { ...shared, name: 'oracle', include: ORACLE } },
      { test: { ...shared, name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      // The same suites again on the embedded OVSDB server (src/server) instead of ovsdb-server.
      { test: { ...shared, name: 'embedded', include: EMBEDDED_BACKEND, env: { OVN_SDK_BACKEND: 'embedded' } } },
      // The packed tarball installed into an empty project (ESM, CJS, tsc, publint/attw, the bins).
      { test: { ...shared, name: 'consumer', include: ['test/consumer/**/*.test.ts'] } },
    ],
  },
});
