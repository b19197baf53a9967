/**
 * The container backend of startOvsdbServer / startOvnCentral against real daemons in containers: the
 * same handles as the process backend (tcp and unix remotes, appctl, client, nbctl, sbctl, northd at
 * work), nothing left after stop(), and the typed errors for a name clash, an image without
 * ovsdb-server and no engine.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { getContainerRuntimeClient } from 'testcontainers';
import { OvsdbClient, op } from '../../src/ovsdb/index.js';
import {
  DEFAULT_CENTRAL_IMAGE,
  DEFAULT_NODE_IMAGE,
  startOvnCentral,
  startOvsdbServer,
  startTopology,
  waitFor,
} from '../../src/testing/index.js';
import { ContainerImageError, ContainerNameClashError } from '../../src/testing/containers/index.js';
import { harnessContainers, harnessNetworks, imageWithout } from './helpers.js';

const exec = promisify(execFile);

describe('startOvsdbServer on a container', () => {
  test('tcp and unix remotes answer, appctl and client run inside; stop() removes container and dir', async () => {
    const s = await startOvsdbServer({ schema: 'nb', runtime: 'container' });
    let closed = false;
    try {
      expect(s.database).toBe('OVN_Northbound');
      expect(s.tcp).toMatch(/^tcp:127\.0\.0\.1:\d+$/);
      const name = (await harnessContainers()).find((n) => n.endsWith('-db'));
      expect(name).toBeDefined();
      for (const remote of [s.tcp, s.unix]) {
        const c = await OvsdbClient.connect(remote);
        try {
          expect(await c.listDbs()).toContain('OVN_Northbound');
          const r = await c.transact('OVN_Northbound', [
            op.insert('Logical_Switch', { name: `ls-${remote.slice(0, 3)}` }),
          ]);
          expect(r).toHaveLength(1);
        } finally {
          await c.close();
        }
      }
      expect(await s.client('list-dbs')).toContain('OVN_Northbound');
      expect(await s.appctl('ovsdb-server/list-dbs')).toContain('OVN_Northbound');
      expect(existsSync(s.dbFile)).toBe(true);
      await s.stop();
      closed = true;
      expect(existsSync(s.dir)).toBe(false);
      expect(await harnessContainers()).not.toContain(name);
    } finally {
      if (!closed) await s.stop();
    }
  });

  test('a container name in use is CONTAINER_NAME_CLASH, naming the container', async () => {
    const containerName = `ovn-sdk-clash-${process.pid}`;
    const first = await startOvsdbServer({ schema: 'sb', runtime: 'container', containerName });
    try {
      const e = await startOvsdbServer({ schema: 'sb', runtime: 'container', containerName }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ContainerNameClashError);
      expect((e as ContainerNameClashError).code).toBe('CONTAINER_NAME_CLASH');
      expect((e as ContainerNameClashError).containerName).toBe(containerName);
      expect((e as Error).message).toContain(`docker rm -f ${containerName}`);
      // the first one is untouched
      expect(await first.client('list-dbs')).toContain('OVN_Southbound');
    } finally {
      await first.stop();
    }
    expect(await harnessContainers()).not.toContain(containerName);
  });

  test('an image without ovsdb-server is CONTAINER_IMAGE_INCOMPLETE, naming what it lacks', async () => {
    // An image made here from the default one with ovsdb-server removed (removed again at the end).
    const docker = (await getContainerRuntimeClient()).container.dockerode;
    const image = `ovn-sdk-test/no-ovsdb-server:${process.pid}`;
    const c = await docker.createContainer({
      Image: DEFAULT_CENTRAL_IMAGE,
      Entrypoint: ['sh', '-c', 'rm -f "$(command -v ovsdb-server)"'],
    });
    await c.start();
    await c.wait();
    await c.commit({ repo: image.split(':')[0], tag: String(process.pid) });
    await c.remove();
    try {
      const before = await harnessContainers();
      const e = await startOvsdbServer({ schema: 'nb', runtime: 'container', image }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e, String(e)).toBeInstanceOf(ContainerImageError);
      expect((e as ContainerImageError).code).toBe('CONTAINER_IMAGE_INCOMPLETE');
      expect((e as ContainerImageError).missing).toEqual(['ovsdb-server']);
      expect((e as ContainerImageError).image).toBe(image);
      expect(await harnessContainers()).toEqual(before);
    } finally {
      await docker.getImage(image).remove({ force: true });
    }
  });

  test('no engine is CONTAINER_ENGINE_UNAVAILABLE (a child process with DOCKER_HOST pointing nowhere)', async () => {
    const script = `
      import { startOvsdbServer } from './src/testing/index.ts';
      try { await startOvsdbServer({ schema: 'nb', runtime: 'container' }); console.log('started?!'); }
      catch (e) { console.log(e.code + ' ' + e.constructor.name); }`;
    const env = {
      ...process.env,
      DOCKER_HOST: 'unix:///nonexistent/ovn-sdk-no-engine.sock',
      TESTCONTAINERS_HOST_OVERRIDE: '',
    };
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env,
      cwd: new URL('../..', import.meta.url).pathname,
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('CONTAINER_ENGINE_UNAVAILABLE ContainerEngineError');
  });
});

test('OVN_SDK_RUNTIME=container (set by this suite) sends a call without `runtime` to a container', async () => {
  expect(process.env.OVN_SDK_RUNTIME).toBe('container');
  const before = await harnessContainers();
  const s = await startOvsdbServer({ schema: 'vswitch' });
  try {
    const added = (await harnessContainers()).filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    expect(s.database).toBe('Open_vSwitch');
    expect(await s.client('list-dbs')).toContain('Open_vSwitch');
  } finally {
    await s.stop();
  }
  expect(await harnessContainers()).toEqual(before);
});

describe('startOvnCentral on a container', () => {
  let central: Awaited<ReturnType<typeof startOvnCentral>> | undefined;
  afterAll(async () => {
    await central?.stop();
  });

  test('northd turns NB into SB; nbctl and sbctl run inside; stop() leaves nothing', async () => {
    central = await startOvnCentral({ runtime: 'container' });
    const nb = await OvsdbClient.connect(central.nb.tcp);
    try {
      await nb.transact('OVN_Northbound', [op.insert('Logical_Switch', { name: 'sw0' })]);
    } finally {
      await nb.close();
    }
    await central.nbctl('--wait=sb', 'sync');
    const sb = await OvsdbClient.connect(central.sb.tcp);
    try {
      await waitFor(
        'sw0 in SB',
        async () =>
          (await central!.sbctl('--bare', '--columns=external_ids', 'list', 'Datapath_Binding')).includes('sw0')
            ? true
            : undefined,
        20_000,
        100,
      );
      const rows = await sb.transact('OVN_Southbound', [op.select('Datapath_Binding', [])]);
      expect(JSON.stringify(rows)).toContain('sw0');
    } finally {
      await sb.close();
    }
    const dir = central.nb.dir;
    const before = await harnessContainers();
    expect(before.some((n) => n.endsWith('-central'))).toBe(true);
    await central.stop();
    central = undefined;
    expect(existsSync(dir)).toBe(false);
    expect((await harnessContainers()).filter((n) => n.endsWith('-central'))).toEqual([]);
  });
});

test('a topology whose node image lacks the data-plane programs fails typed and leaves no container or network', async () => {
  const bad = await imageWithout(DEFAULT_NODE_IMAGE, ['ovs-vswitchd', 'ovn-controller']);
  try {
    const before = { ctrs: await harnessContainers(), nets: await harnessNetworks() };
    const e = await startTopology({ runtime: 'container', image: bad.image }).then(
      async (t) => {
        await t.stop();
        return undefined;
      },
      (x: unknown) => x,
    );
    expect(e, String(e)).toBeInstanceOf(ContainerImageError);
    expect([...(e as ContainerImageError).missing].sort()).toEqual(['ovn-controller', 'ovs-vswitchd']);
    // the central (started in parallel), the other node and both networks are gone again
    expect(await harnessContainers()).toEqual(before.ctrs);
    expect(await harnessNetworks()).toEqual(before.nets);
  } finally {
    await bad.remove();
  }
});
