"""The Python ovs.db.idl side of bench/large-sb: the whole Southbound (register_all), synced once.

    python3 idl_client.py <unix-remote> <server-pid>

Prints `RESULT {json}` like the SDK client (seconds, serverCpuS, clientCpuS, rssMiB, rows).
"""
import json
import os
import resource
import sys
import time

import ovs.db.idl
import ovs.jsonrpc
import ovs.poller
import ovs.stream

REMOTE, SPID = sys.argv[1], int(sys.argv[2])


def cpu_ticks(pid):
    with open('/proc/%d/stat' % pid) as f:
        s = f.read()
    fields = s[s.rindex(')') + 2:].split(' ')
    return int(fields[11]) + int(fields[12])


def peak_rss_mib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024.0
    return float('nan')


c0 = cpu_ticks(SPID)
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
err, strm = ovs.stream.Stream.open_block(ovs.stream.Stream.open(REMOTE))
if err:
    raise RuntimeError('connect failed: %s' % os.strerror(err))
rpc = ovs.jsonrpc.Connection(strm)
err, resp = rpc.transact_block(ovs.jsonrpc.Message.create_request('get_schema', ['OVN_Southbound']))
rpc.close()
if err or resp.error:
    raise RuntimeError('get_schema failed')
helper = ovs.db.idl.SchemaHelper(None, resp.result)
helper.register_all()
idl = ovs.db.idl.Idl(REMOTE, helper, probe_interval=0)
while True:
    idl.run()
    if idl.has_ever_connected():
        break
    poller = ovs.poller.Poller()
    idl.wait(poller)
    poller.block()
t1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_SELF)
c1 = cpu_ticks(SPID)
rows = {name: len(t.rows) for name, t in idl.tables.items()}
out = {
    'seconds': t1 - t0,
    'serverCpuS': (c1 - c0) * 0.01,
    'clientCpuS': (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime),
    'rssMiB': peak_rss_mib(),
    'rows': rows,
}
sys.stdout.write('RESULT %s\n' % json.dumps(out))
sys.stdout.flush()
os._exit(0)  # skip tearing down the rows
