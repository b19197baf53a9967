/**
 * Which tests need what (read by vitest.config.ts and test/unit/project/test-tree.test.ts).
 * Everything under test/unit and test/property is pure unless listed here.
 */

/** Property tests that run an external oracle (tshark, ovs-ofctl). */
export const ORACLE = [
  'test/property/geneve/tshark.test.ts',
  'test/property/**/*oracle*.test.ts',
  'test/property/openflow-flow/ofp-print-roundtrip.test.ts',
  'test/property/openflow-flow/text-roundtrip.test.ts',
  'test/property/openflow-msg/nx-raw-match.test.ts',
];

/** Helper modules (not tests) of the oracle tests: they run ovs-ofctl, so the unit-purity check skips them. */
export const ORACLE_HELPERS = ['test/property/openflow-msg/oracle.ts'];

/**
 * Integration suites that run a second time on the embedded OVSDB server (`OVN_SDK_BACKEND=embedded`;
 * they start their servers with the harness's `startOvsdb`, which honours it): the client's methods,
 * errors and locks, the session's start, the replica cache on random NB / SB / Open_vSwitch transactions, the
 * builders (compared with ovn-nbctl on a real ovsdb-server), and the incremental Kube-OVN controller — the SDK's own suites against both backends, not a copy of them.
 */
export const EMBEDDED_BACKEND = [
  'test/integration/ovsdb/methods.test.ts',
  'test/integration/ovsdb/errors.test.ts',
  'test/integration/ovsdb/locks.test.ts',
  'test/integration/ovsdb/cache/behaviour.test.ts',
  'test/integration/ovsdb/cache/random-nb.test.ts',
  'test/integration/ovsdb/cache/random-sb.test.ts',
  'test/integration/ovsdb/cache/random-vswitch.test.ts',
  'test/integration/kube/controller.test.ts',
  'test/integration/kube/controller-random.test.ts',
  'test/integration/kube/random.test.ts',
  'test/integration/ovsdb/session-start.test.ts',
  'test/integration/ovn-nb/nbctl-parity.test.ts',
];
