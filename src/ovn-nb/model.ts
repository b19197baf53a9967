/** The generated OVN_Northbound model, re-exported for `ovn-sdk/ovn-nb`. */
export * from './generated/ovn-northbound.gen.js';
