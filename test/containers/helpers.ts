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

/**
 * Makes an image from `from` with `programs` deleted (an image a user might have built wrong); resolves
 * with its name and a function that removes it again.
 */
export async function imageWithout(
  from: string,
  programs: readonly string[],
): Promise<{ image: string; remove(): Promise<void> }> {
  const docker = (await getContainerRuntimeClient()).container.dockerode;
  const repo = `ovn-sdk-test/without-${programs.join('-')}`;
  const tag = String(process.pid);
  const c = await docker.createContainer({
    Image: from,
    Entrypoint: ['sh', '-c', programs.map((p) => `rm -f "$(command -v ${p})"`).join('; ')],
  });
  await c.start();
  await c.wait();
  await c.commit({ repo, tag });
  await c.remove();
  return {
    image: `${repo}:${tag}`,
    remove: async () => void (await docker.getImage(`${repo}:${tag}`).remove({ force: true })),
  };
}
