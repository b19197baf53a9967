#!/usr/bin/env node
// Makes sure the Open vSwitch / OVN / tshark binaries the demo and the test suite run are present.
// Missing ones are installed with apt-get when running as root; otherwise we stop and name the packages.
// `--bench` also asks for the reference clients the benchmarks compare against.
import { execFileSync, spawnSync } from 'node:child_process';

const bench = process.argv.includes('--bench');
const need = [
  ['ovsdb-server', 'openvswitch-switch'],
  ['ovsdb-tool', 'openvswitch-switch'],
  ['ovsdb-client', 'openvswitch-switch'],
  ['ovs-vswitchd', 'openvswitch-switch'],
  ['ovs-vsctl', 'openvswitch-switch'],
  ['ovs-ofctl', 'openvswitch-switch'],
  ['ovs-appctl', 'openvswitch-switch'],
  ['ovn-northd', 'ovn-central'],
  ['ovn-nbctl', 'ovn-central'],
  ['ovn-sbctl', 'ovn-central'],
  ['ovn-trace', 'ovn-central'],
  ['ovn-controller', 'ovn-host'],
  ['tshark', 'tshark'],
  ['ip', 'iproute2'],
  ['ethtool', 'ethtool'],
  ['ping', 'iputils-ping'],
  ['ipset', 'ipset'],
  ['iptables', 'iptables'],
  ['editcap', 'wireshark-common'],
  ['dumpcap', 'wireshark-common'],
  ['openssl', 'openssl'],
  ['sysctl', 'procps'],
  ['ps', 'procps'],
  // The command line's progress bar is checked on a real terminal.
  ['tmux', 'tmux'],
  // The kubectl-style table layout is checked against Go's text/tabwriter; the wasm scanner against wat2wasm.
  ['go', 'golang-go'],
  ['wat2wasm', 'wabt'],
  // The gateway's page is tested in headless Chromium (driven by playwright-core; no browser download).
  ['chromium', 'chromium'],
  // The Python IDL (ovs.db.idl) is run against the embedded OVSDB server (test/integration/server/python-idl.test.ts).
  ['/usr/lib/python3/dist-packages/ovs/db/idl.py', 'python3-openvswitch'],
];
if (bench) {
  need.push(
    ['/usr/share/gocode/src/github.com/google/gopacket/layers/geneve.go', 'golang-github-google-gopacket-dev'],
    ['/usr/share/gocode/src/golang.org/x/net', 'golang-golang-x-net-dev'],
    ['/usr/share/gocode/src/golang.org/x/sys', 'golang-golang-x-sys-dev'],
    ['/usr/lib/python3/dist-packages/ovsdbapp/__init__.py', 'python3-ovsdbapp'],
    ['/usr/lib/python3/dist-packages/os_ken/__init__.py', 'python3-os-ken'],
  );
}

function have(bin) {
  if (bin.startsWith('/')) return spawnSync('test', ['-e', bin]).status === 0;
  return (
    spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin} || test -x /sbin/${bin}`], {
      stdio: 'ignore',
    }).status === 0
  );
}

const missing = [...new Set(need.filter(([bin]) => !have(bin)).map(([, pkg]) => pkg))];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// `--demo`: without ovsdb-server / ovn-northd, or as a non-root user, the demo runs on the embedded
// OVSDB server instead (examples/demo-embedded.ts): install nothing.
if (process.argv.includes('--demo') && (!isRoot || ['ovsdb-server', 'ovsdb-tool', 'ovn-northd'].some((b) => !have(b))))
  process.exit(0);
if (!isRoot) {
  console.error(
    `Missing Debian packages: ${missing.join(' ')}\nInstall them as root: apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.error(`Installing Debian packages: ${missing.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
const still = need.filter(([bin]) => !have(bin)).map(([b]) => b);
if (still.length) {
  console.error(`Still missing after install: ${still.join(' ')}`);
  process.exit(1);
}
