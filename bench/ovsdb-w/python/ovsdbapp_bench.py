"""W1-W4 with ovsdbapp (Debian python3-ovsdbapp) over its OVN Northbound API.
Usage: /usr/bin/python3 ovsdbapp_bench.py <w1|w2seq|w3|w4> <unix:remote> <server-pid> <n>"""
import os
import resource
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

from ovsdbapp.backend.ovs_idl import connection  # noqa: E402
from ovsdbapp.backend.ovs_idl import event as row_event  # noqa: E402
from ovsdbapp.schema.ovn_northbound import impl_idl  # noqa: E402

W, REMOTE, SPID, N = common.args()
TIMEOUT = 300


class NotifyingIdl(connection.OvsdbIdl):
    """The usual ovsdbapp pattern (as in Neutron): the IDL hands every row change to a RowEventHandler."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.notify_handler = row_event.RowEventHandler()

    def notify(self, event, row, updates=None):
        self.notify_handler.notify(event, row, updates)


def connect(tables=None, idl_cls=connection.OvsdbIdl):
    idl = idl_cls.from_server(REMOTE, common.DB, helper_tables=tables, probe_interval=0)
    conn = connection.Connection(idl, timeout=TIMEOUT)
    return impl_idl.OvnNbApiIdlImpl(conn), idl  # starts the connection and waits for the initial sync


def w1():
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    api, _ = connect()
    with api.transaction(check_error=True) as txn:
        txn.add(api.ls_add('sw0'))
        for i in range(N):
            txn.add(api.lsp_add('sw0', common.lsp_name(i), addresses=[common.lsp_address(i)]))
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    common.emit({'seconds': t1 - t0, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib()})
    os._exit(0)


def w2seq():
    api, _ = connect()
    lat = []
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    for i in range(N):
        s = time.perf_counter()
        api.lsp_add('sw0', common.lsp_name(i), addresses=[common.lsp_address(i)]).execute(check_error=True)
        lat.append((time.perf_counter() - s) * 1000)
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    lat.sort()
    secs = t1 - t0
    common.emit({'seconds': secs, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib(),
                 'txnPerS': N / secs, 'p50Ms': common.pct(lat, 50), 'p99Ms': common.pct(lat, 99)})
    os._exit(0)


def w3():
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    api, _ = connect()
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    rows = {name: len(t.rows) for name, t in api.tables.items()}
    common.emit({'seconds': t1 - t0, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib(), 'rows': rows})
    os._exit(0)


class W4Event(row_event.RowEvent):
    def __init__(self):
        super().__init__((self.ROW_UPDATE,), 'Logical_Switch_Port', None)
        self.count = 0
        self.done = threading.Event()

    def match_fn(self, event, row, old):
        return 'w4' in row.external_ids

    def run(self, event, row, old):
        self.count += 1
        if self.count >= N:
            self.done.set()


def w4():
    api, idl = connect(['Logical_Switch_Port'], NotifyingIdl)
    ev = W4Event()
    idl.notify_handler.watch_event(ev)
    common.ready()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    if not ev.done.wait(TIMEOUT):
        raise RuntimeError('W4: only %d updates' % ev.count)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_us = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1e6
    common.emit({'seconds': t1 - t0, 'rssMiB': common.peak_rss_mib(), 'cpuUsPerUpdate': cpu_us / ev.count, 'updates': ev.count})
    os._exit(0)


{'w1': w1, 'w2seq': w2seq, 'w3': w3, 'w4': w4}[W]()
