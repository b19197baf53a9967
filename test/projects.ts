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
 * OpenFlow tests under test/unit that still run ovs-ofctl or read OVS' installed files; the OpenFlow
 * work of issue #20 moves them to test/integration, after which this list goes.
 */
export const OPENFLOW_UNIT_ORACLES = [
  'test/unit/openflow-flow/encap.test.ts',
  'test/unit/openflow-flow/match-validate.test.ts',
  'test/unit/openflow-flow/ofp-actions-vectors.test.ts',
  'test/unit/openflow-flow/parse-flows-vectors.test.ts',
  'test/unit/openflow-msg/negotiation-multipart.test.ts',
  'test/unit/openflow-msg/ofp-print-vectors.test.ts',
  'test/unit/openflow-msg/packet-out-loose-match.test.ts',
  'test/unit/openflow-msg/ryu-vectors.test.ts',
];
