import { SdkError } from '../errors.js';

/** `KubeController.deletePod` with `ifExists: false` for a pod the controller holds no record of. */
export class KubePodNotFoundError extends SdkError {
  /** The port name `<pod>.<namespace>`. */
  readonly port: string;
  constructor(port: string) {
    super('KUBE_POD_NOT_FOUND', `no IP record for pod port ${port}`);
    this.port = port;
  }
}
