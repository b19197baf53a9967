"""W1-W4 with the Open vSwitch Python IDL (ovs.db.idl, Debian python3-openvswitch).
Usage: /usr/bin/python3 idl_bench.py <w1|w2seq|w3|w4> <unix:remote> <server-pid> <n>"""
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

import ovs.db.idl  # noqa: E402
import ovs.jsonrpc  # noqa: E402
import ovs.poller  # noqa: E402
import ovs.stream  # noqa: E402

W, REMOTE, SPID, N = common.args()


def fetch_schema_helper(tables=None):
    """get_schema over the wire (the schema fetch is part of the timed section)."""
    err, strm = ovs.stream.Stream.open_block(ovs.stream.Stream.open(REMOTE))
    if err:
        raise RuntimeError('connect failed: %s' % os.strerror(err))
    rpc = ovs.jsonrpc.Connection(strm)
    err, resp = rpc.transact_block(ovs.jsonrpc.Message.create_request('get_schema', [common.DB]))
    rpc.close()
    if err or resp.error:
        raise RuntimeError('get_schema failed')
    helper = ovs.db.idl.SchemaHelper(None, resp.result)
    if tables:
        for t in tables:
            helper.register_table(t)
    else:
        helper.register_all()
    return helper


def sync(idl):
    while True:
        idl.run()
        if idl.has_ever_connected():
            return
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.block()


def commit(txn):
    status = txn.commit_block()
    if status not in (ovs.db.idl.Transaction.SUCCESS, ovs.db.idl.Transaction.UNCHANGED):
        raise RuntimeError('commit failed: %s %s' % (status, txn.get_error()))


def w1():
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    idl = ovs.db.idl.Idl(REMOTE, fetch_schema_helper(), probe_interval=0)
    sync(idl)
    txn = ovs.db.idl.Transaction(idl)
    sw = txn.insert(idl.tables['Logical_Switch'])
    sw.name = 'sw0'
    ports = []
    lsp_t = idl.tables['Logical_Switch_Port']
    for i in range(N):
        p = txn.insert(lsp_t)
        p.name = common.lsp_name(i)
        p.addresses = [common.lsp_address(i)]
        ports.append(p)
    sw.ports = ports
    commit(txn)
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    common.emit({'seconds': t1 - t0, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib()})
    idl.close()


def w2seq():
    idl = ovs.db.idl.Idl(REMOTE, fetch_schema_helper(), probe_interval=0)
    sync(idl)
    sw = next(r for r in idl.tables['Logical_Switch'].rows.values() if r.name == 'sw0')
    lsp_t = idl.tables['Logical_Switch_Port']
    lat = []
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    for i in range(N):
        s = time.perf_counter()
        txn = ovs.db.idl.Transaction(idl)
        p = txn.insert(lsp_t)
        p.name = common.lsp_name(i)
        p.addresses = [common.lsp_address(i)]
        sw.addvalue('ports', p)  # a partial-set mutate
        commit(txn)
        lat.append((time.perf_counter() - s) * 1000)
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    lat.sort()
    secs = t1 - t0
    common.emit({'seconds': secs, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib(),
                 'txnPerS': N / secs, 'p50Ms': common.pct(lat, 50), 'p99Ms': common.pct(lat, 99)})
    idl.close()


def w3():
    c0 = common.cpu_ticks(SPID)
    t0 = time.perf_counter()
    idl = ovs.db.idl.Idl(REMOTE, fetch_schema_helper(), probe_interval=0)
    sync(idl)
    t1 = time.perf_counter()
    c1 = common.cpu_ticks(SPID)
    rows = {name: len(t.rows) for name, t in idl.tables.items()}
    common.emit({'seconds': t1 - t0, 'serverCpuS': (c1 - c0) * common.TICK_S, 'rssMiB': common.peak_rss_mib(), 'rows': rows})
    os._exit(0)  # skip tearing down 56k rows


class CountingIdl(ovs.db.idl.Idl):
    count = 0

    def notify(self, event, row, updates=None):
        if event == ovs.db.idl.ROW_UPDATE and row._table.name == 'Logical_Switch_Port' and 'w4' in row.external_ids:
            self.count += 1


def w4():
    idl = CountingIdl(REMOTE, fetch_schema_helper(['Logical_Switch_Port']), probe_interval=0)
    sync(idl)
    common.ready()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    while idl.count < N:
        idl.run()
        if idl.count >= N:
            break
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.block()
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_us = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1e6
    common.emit({'seconds': t1 - t0, 'rssMiB': common.peak_rss_mib(), 'cpuUsPerUpdate': cpu_us / idl.count, 'updates': idl.count})
    os._exit(0)


{'w1': w1, 'w2seq': w2seq, 'w3': w3, 'w4': w4}[W]()
