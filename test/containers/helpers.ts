/** What the container tests share: the engine client, and the harness' containers that are still there. */
import { getContainerRuntimeClient } from 'testcontainers';

/** Names of the harness' containers (label ovn-sdk.harness) that exist now, running or not. */
export async function harnessContainers(): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const list = await client.container.dockerode.listContainers({ all: true, filters: { label: ['ovn-sdk.harness'] } });
  return list.map((c) => c.Names[0]!.replace(/^\//, ''));
}

/** Names of the harness' networks that exist now. */
export async function harnessNetworks(): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const list = await client.container.dockerode.listNetworks({ filters: { label: ['ovn-sdk.harness'] } });
  return list.map((n) => n.Name);
}
