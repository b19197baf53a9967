"""ovsdbapp side of bench/write-path.ts. Connects once (initial sync timed), then for each stdin line
"<n> <prefix>" runs n single-port lsp_add transactions in sequence, each timed, and prints
RESULT {"latMs": [...], "seconds": ...}. The first line printed is RESULT {"syncS": ...}.
Usage: /usr/bin/python3 write_path.py <unix:remote> <switch>"""
import json
import os
import sys
import time

from ovsdbapp.backend.ovs_idl import connection
from ovsdbapp.schema.ovn_northbound import impl_idl

REMOTE, SWITCH = sys.argv[1], sys.argv[2]


def emit(d):
    sys.stdout.write('RESULT %s\n' % json.dumps(d))
    sys.stdout.flush()


t0 = time.perf_counter()
idl = connection.OvsdbIdl.from_server(REMOTE, 'OVN_Northbound', probe_interval=0)
api = impl_idl.OvnNbApiIdlImpl(connection.Connection(idl, timeout=300))
emit({'syncS': time.perf_counter() - t0})

for line in sys.stdin:
    n, prefix = line.split()
    lat = []
    t1 = time.perf_counter()
    for i in range(int(n)):
        s = time.perf_counter()
        api.lsp_add(SWITCH, '%s%06d' % (prefix, i), addresses=['0a:%02x:%02x:%02x:00:01 10.250.%d.%d' % (
            (i >> 16) & 255, (i >> 8) & 255, i & 255, (i >> 8) & 255, i & 255)]).execute(check_error=True)
        lat.append((time.perf_counter() - s) * 1000)
    emit({'latMs': lat, 'seconds': time.perf_counter() - t1})
os._exit(0)
