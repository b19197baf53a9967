/**
 * vswitch/: the Open_vSwitch database — its generated model and builders for node configuration.
 */
export { SdkError } from '../errors.js';
export { setOpenvSwitchExternalIds, addBridge, addPort, setController, deletePort } from './builders.js';
export type { BridgeSpec, InterfaceSpec } from './builders.js';
export { openVSwitchModel, openVSwitchSchema } from './model.js';
export {
  delBridge,
  delController,
  delPortByName,
  removeMapKeys,
  setFailMode,
  setManager,
  setMapKeys,
  vsFind,
} from './vsctl.js';
