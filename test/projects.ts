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
 * Kept empty for test/unit/project/test-tree.test.ts, which still imports it: the OpenFlow tests that ran
 * ovs-ofctl from test/unit moved to test/integration/openflow-* (issue #20); the recorded-vector tests
 * (OVS and Ryu vectors in ../shared/vectors) are pure and stay in the unit project. Delete this export
 * together with that import.
 */
export const OPENFLOW_UNIT_ORACLES: readonly string[] = [];
