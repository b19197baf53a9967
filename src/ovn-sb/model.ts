/** The generated OVN_Southbound model, re-exported for `ovn-sdk/ovn-sb`. */
export * from './generated/ovn-southbound.gen.js';
