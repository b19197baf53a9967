/**
 * ovn-sb/: the generated OVN_Southbound model and read helpers — chassis and encaps, datapath
 * bindings, port bindings, and the `LogicalNames` GENEVE explain uses.
 */
export { SdkError } from '../errors.js';
export {
  SB_DATABASE,
  SB_VIEW_TABLES,
  SbView,
  logicalNamesFromSb,
  readSbView,
  sbSelects,
  sbViewFromResults,
} from './read.js';
export type { ChassisInfo, DatapathInfo, LogicalNames, PortBindingInfo } from './read.js';
export { ovnSouthboundModel, ovnSouthboundSchema } from './model.js';
export { chassisAdd, chassisDel, SbInvalidArgumentError } from './write.js';
export type { ChassisSpec } from './write.js';
