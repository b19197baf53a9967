/**
 * The topology page in a real browser: headless Chromium from Debian's package, driven by
 * playwright-core (no browser download), against `ovn-sdk serve` run as a process on a throwaway
 * NB + SB + ovn-northd holding the seed. A screenshot of every state is kept under
 * test-artifacts/gateway/ and checked to be non-blank (its pixels decoded: not all the same).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitFor, type OvnCentral } from '../../../src/testing/index.js';
import { distinctPixels } from './png.js';
import { cli, root, startSeeded } from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 90_000 });

const CHROMIUM = '/usr/bin/chromium';
const artifacts = join(root, 'test-artifacts', 'gateway');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
/** Bound of every wait for the page to show something (a bound, not an assertion on speed). */
const WAIT = 15_000;

let central: OvnCentral;
let serve: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  writeFileSync(join(artifacts, `${name}.png`), png);
  expect(distinctPixels(png), `${name}.png is blank`).toBeGreaterThan(10);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium (scripts/ensure-deps.mjs)`);
  mkdirSync(artifacts, { recursive: true });
  central = await startSeeded();
  serve = spawn(
    tsx,
    [
      join(root, 'src', 'cli', 'main.ts'),
      '--db',
      central.nb.unix,
      'serve',
      '--sb',
      central.sb.unix,
      '--listen',
      '127.0.0.1:0',
      '--token',
      'page-test',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  url = await new Promise<string>((resolve, reject) => {
    serve.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    serve.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    serve.once('exit', (code) => reject(new Error(`ovn-sdk serve exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1300, height: 760 } });
});

afterAll(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGINT'); // ovn-sdk serve closes the gateway and exits
    await exited;
  }
  await central?.stop();
});

describe('the topology page', () => {
  it('the screenshot check tells a blank page from a drawn one', async () => {
    await page.setContent('<html><body style="background:#fff"></body></html>');
    expect(distinctPixels(await page.screenshot())).toBe(1);
  });

  it("shows the seed's three subnets with their CIDRs and usage, and four pods with their addresses", async () => {
    await page.goto(url);
    await page.locator('g.pod').nth(3).waitFor({ timeout: WAIT });
    expect(await page.locator('g.pod').count()).toBe(4);
    const switches = await page.$$eval('g.switch', (gs) =>
      gs.map((g) => [g.getAttribute('data-name'), g.getAttribute('data-cidr'), g.querySelector('.usage')?.textContent]),
    );
    expect(switches.map((s) => s.slice(0, 2))).toEqual([
      ['join', '100.64.0.0/16'],
      ['ovn-default', '10.16.0.0/16'],
      ['subnet1', '10.66.0.0/16'],
    ]);
    for (const s of switches) expect(s[2]).toMatch(/^\d+ used \/ \d+ available$/);
    const pods = await page.$$eval('g.pod', (gs) =>
      gs.map((g) => [g.getAttribute('data-name'), g.getAttribute('data-ip'), g.getAttribute('data-node')]),
    );
    expect(pods.slice(0, 3)).toEqual([
      ['default/ovn-default-node1-pod1', '10.16.0.8', 'node1'],
      ['default/ovn-default-node1-pod2', '10.16.0.9', 'node1'],
      ['default/ovn-default-node2-pod3', expect.stringMatching(/^10\.16\.0\.\d+$/), 'node2'],
    ]);
    expect(pods[3]).toEqual(['ns1/subnet1-node1-pod1', expect.stringMatching(/^10\.66\.0\.\d+$/), 'node1']);
    expect(await page.locator('svg').textContent()).toContain('router ovn-cluster');
    expect(await page.$$eval('g.node', (gs) => gs.map((g) => g.getAttribute('data-name')))).toEqual(['node1', 'node2']);
    await shot('1-seed');
  });

  it('a pod applied through the command line appears (live, through subscribe)', async () => {
    const r = await cli(
      central.nb.unix,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: page-pod5\n  namespace: default\n  annotations:\n    ovn.kubernetes.io/ip_address: 10.16.0.55\nspec:\n  nodeName: node2\n',
    );
    expect(r.stdout).toBe('pod/page-pod5 created\n');
    const pod = page.locator('g.pod[data-name="default/page-pod5"]');
    await pod.waitFor({ timeout: WAIT });
    expect(await pod.getAttribute('data-ip')).toBe('10.16.0.55');
    expect(await pod.textContent()).toContain('10.16.0.55 · node2');
    await shot('2-pod-applied');
  });

  it('selecting a pod shows its port, MAC, addresses, tunnel key and node', async () => {
    await page.locator('g.pod[data-name="default/ovn-default-node1-pod1"]').click();
    const field = (f: string) => page.locator(`#details dd[data-field="${f}"]`);
    expect(await field('port').textContent()).toBe('ovn-default-node1-pod1.default');
    expect(await field('MAC').textContent()).toBe('00:00:00:aa:0d:31');
    expect(await field('addresses').textContent()).toBe('00:00:00:AA:0D:31 10.16.0.8');
    expect(await field('node').textContent()).toBe('node1');
    // SB's key: northd has bound the port by now or does shortly (bounded wait for the redraw)
    await waitFor(
      'the tunnel key from SB',
      async () => (/^\d+$/.test((await field('tunnel key').textContent()) ?? '') ? true : undefined),
      WAIT,
      100,
    );
    expect(await page.locator('g.pod.selected').getAttribute('data-name')).toBe('default/ovn-default-node1-pod1');
    await shot('3-pod-selected');
  });

  it('two pods picked: the trace path is listed and drawn', async () => {
    await page.locator('g.pod[data-name="ns1/subnet1-node1-pod1"]').click();
    await page.locator('g.pod[data-name="default/ovn-default-node1-pod2"]').click();
    await page.locator('#trace-btn').click();
    await page.locator('#path li').nth(2).waitFor({ timeout: WAIT });
    expect(await page.$$eval('#path li', (ls) => ls.map((l) => l.textContent))).toEqual([
      'subnet1',
      'ovn-cluster',
      'ovn-default',
    ]);
    expect(await page.$$eval('.onpath', (gs) => gs.map((g) => g.getAttribute('data-name')).sort())).toEqual([
      'ovn-cluster',
      'ovn-default',
      'subnet1',
    ]);
    await shot('4-trace');
  });

  it('a capture given to the drop zone lists its GENEVE frames', async () => {
    await page.locator('#file').setInputFiles(join(root, 'test', 'fixtures', 'e2e', 'underlay.pcap'));
    await page.locator('#frames li').nth(1).waitFor({ timeout: WAIT });
    const frames = await page.$$eval('#frames li', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(frames[0]).toMatch(/^#1 .*: .* → .* — ICMP echo request 10\.16\.0\.2 > 10\.16\.0\.4$/);
    await shot('5-capture');
  });
});
