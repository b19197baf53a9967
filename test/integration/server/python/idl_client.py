"""The Open vSwitch Python IDL (ovs.db.idl, Debian python3-openvswitch) against a server.

Usage: /usr/bin/python3 idl_client.py <unix:remote>

Syncs every table of OVN_Northbound (register_all), prints the names of the Logical_Switch rows it
found as one JSON line, then, in one IDL transaction, inserts Logical_Switch "py-sw" with a port
"py-p1" (addresses, external_ids) and sets external_ids:py=yes on the existing switches; prints the
new switch's uuid. Waits for its own write to come back through the monitor (the IDL's row changes
to the committed one) and prints the names again. Exits non-zero on any failure.
"""
import json
import sys

import ovs.db.idl
import ovs.jsonrpc
import ovs.poller
import ovs.stream

REMOTE = sys.argv[1]
DB = 'OVN_Northbound'


def get_schema():
    err, strm = ovs.stream.Stream.open_block(ovs.stream.Stream.open(REMOTE))
    if err:
        raise RuntimeError('connect failed: %d' % err)
    rpc = ovs.jsonrpc.Connection(strm)
    err, resp = rpc.transact_block(ovs.jsonrpc.Message.create_request('get_schema', [DB]))
    rpc.close()
    if err or resp.error:
        raise RuntimeError('get_schema failed')
    return resp.result


def run_until(idl, cond):
    for _ in range(2000):
        idl.run()
        if cond():
            return
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.timer_wait(100)
        poller.block()
    raise RuntimeError('timed out')


def names(idl):
    return sorted(r.name for r in idl.tables['Logical_Switch'].rows.values())


helper = ovs.db.idl.SchemaHelper(None, get_schema())
helper.register_all()
idl = ovs.db.idl.Idl(REMOTE, helper, probe_interval=0)
run_until(idl, idl.has_ever_connected)
print(json.dumps({'synced': names(idl), 'tables': len(idl.tables)}), flush=True)

txn = ovs.db.idl.Transaction(idl)
for sw in list(idl.tables['Logical_Switch'].rows.values()):
    ids = dict(sw.external_ids)
    ids['py'] = 'yes'
    sw.external_ids = ids
port = txn.insert(idl.tables['Logical_Switch_Port'])
port.name = 'py-p1'
port.addresses = ['00:00:00:00:00:aa 10.99.0.2']
port.external_ids = {'writer': 'python-idl'}
sw = txn.insert(idl.tables['Logical_Switch'])
sw.name = 'py-sw'
sw.ports = [port]
status = txn.commit_block()
if status != ovs.db.idl.Transaction.SUCCESS:
    raise RuntimeError('commit failed: %s %s' % (status, txn.get_error()))
uuid = str(txn.get_insert_uuid(sw.uuid))
print(json.dumps({'inserted': uuid}), flush=True)

run_until(idl, lambda: 'py-sw' in names(idl))
print(json.dumps({'after': names(idl)}), flush=True)
idl.close()
