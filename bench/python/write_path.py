"""ovsdbapp side of bench/write-path.ts: N single-port lsp_add transactions in sequence, each timed.
Usage: /usr/bin/python3 write_path.py <unix:remote> <switch> <prefix> <n> <warmup>
Prints one line: RESULT {"syncS":…, "latMs":[…], "seconds":…}"""
import json
import sys
import time

from ovsdbapp.backend.ovs_idl import connection
from ovsdbapp.schema.ovn_northbound import impl_idl

REMOTE, SWITCH, PREFIX, N, WARM = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])

t0 = time.perf_counter()
idl = connection.OvsdbIdl.from_server(REMOTE, 'OVN_Northbound', probe_interval=0)
api = impl_idl.OvnNbApiIdlImpl(connection.Connection(idl, timeout=300))
sync_s = time.perf_counter() - t0

def add(i):
    api.lsp_add(SWITCH, '%s%06d' % (PREFIX, i), addresses=['0a:%02x:%02x:%02x:00:01 10.250.%d.%d' % ((i >> 16) & 255, (i >> 8) & 255, i & 255, (i >> 8) & 255, i & 255)]).execute(check_error=True)


for i in range(WARM):
    add(100000 + i)
lat = []
t1 = time.perf_counter()
for i in range(N):
    s = time.perf_counter()
    add(i)
    lat.append((time.perf_counter() - s) * 1000)
secs = time.perf_counter() - t1
sys.stdout.write('RESULT %s\n' % json.dumps({'syncS': sync_s, 'latMs': lat, 'seconds': secs}))
sys.stdout.flush()
import os
os._exit(0)
