import { SdkError } from '../errors.js';

/**
 * Errors of the NB reconciler (src/kube/reconcile.ts); docs/errors/ovn.md lists the codes. Bad desired
 * state is reported by the model's and the IPAM's own errors (docs/errors/kube-model.md, ipam.md).
 */

/** A kube-ovn switch port in NB whose `addresses` is not `"MAC IP…"`, so its IP record cannot be rebuilt. */
export class KubeNbRecordError extends SdkError {
  readonly port: string;
  readonly value: string;
  constructor(port: string, value: string) {
    super('KUBE_NB_RECORD_INVALID', `switch port ${port}: addresses ${JSON.stringify(value)} is not "MAC IP"`, {
      cause: undefined,
    });
    this.port = port;
    this.value = value;
  }
}
