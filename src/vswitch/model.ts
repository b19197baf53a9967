/** The generated Open_vSwitch model, re-exported for `ovn-sdk/vswitch`. */
export * from './generated/open-vswitch.gen.js';
