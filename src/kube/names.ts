/**
 * Kubernetes object-name rules (k8s.io/apimachinery/pkg/util/validation), checked before a name reaches
 * Northbound: namespaces are RFC 1123 *labels* (`IsDNS1123Label`: lower-case alphanumerics and `-`,
 * starting and ending alphanumeric, at most 63 characters); pods, nodes, subnets and VPCs are RFC 1123
 * *subdomains* (`IsDNS1123Subdomain`: labels joined by `.`, at most 253 characters). Quotes, spaces,
 * newlines, upper case and non-ASCII letters are never admitted by Kubernetes, so they are refused here.
 */
import { KubeNameError } from './model-errors.js';

/** Longest RFC 1123 label (`validation.DNS1123LabelMaxLength`). */
export const DNS1123_LABEL_MAX = 63;
/** Longest RFC 1123 subdomain (`validation.DNS1123SubdomainMaxLength`). */
export const DNS1123_SUBDOMAIN_MAX = 253;

const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Which rule a kind of name follows. */
export type NameRule = 'dns1123-label' | 'dns1123-subdomain';

/** Whether `name` is an RFC 1123 label (a namespace name). */
export function isDns1123Label(name: string): boolean {
  return typeof name === 'string' && name.length <= DNS1123_LABEL_MAX && LABEL.test(name);
}

/** Whether `name` is an RFC 1123 subdomain (a pod, node, subnet or VPC name). */
export function isDns1123Subdomain(name: string): boolean {
  return typeof name === 'string' && name.length <= DNS1123_SUBDOMAIN_MAX && SUBDOMAIN.test(name);
}

/**
 * Check one name; `field` says where it was found (e.g. `pod.namespace`, `subnet.namespaces`), `owner`
 * whose field it is.
 * @throws KubeNameError `KUBE_INVALID_NAME`
 */
export function checkKubeName(field: string, value: unknown, rule: NameRule, owner?: string): string {
  const ok =
    typeof value === 'string' && (rule === 'dns1123-label' ? isDns1123Label(value) : isDns1123Subdomain(value));
  if (!ok) throw new KubeNameError(field, typeof value === 'string' ? value : String(value), rule, owner);
  return value as string;
}
