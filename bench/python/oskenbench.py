"""os-ken (Ryu's maintained fork) OF1.3 flow_mod parse and serialize rates, for bench/openflow-flowmod.ts.

Usage: /usr/bin/python3 bench/python/oskenbench.py HEX [HEX ...]
Each HEX is one OF1.3 flow_mod made by this library. os-ken parses it (ofproto_parser.msg) and
serializes the parsed object again (msg.serialize()); the re-serialized bytes are checked against
the input so both sides handle the same message.

It first prints one JSON line [{bytes, sameBytes}], then serves requests on stdin, one per line:
"<index> parse|serialize <seconds>" -> one line with the rate (ops/s) measured over that time.
This lets the caller alternate short slices with its own measurement on a shared machine."""
import json
import sys
import time

from os_ken.ofproto import ofproto_parser, ofproto_v1_3, ofproto_v1_3_parser


class _Dp:
    ofproto = ofproto_v1_3
    ofproto_parser = ofproto_v1_3_parser


def rate(fn, secs):
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < secs:
        for _ in range(20):
            fn()
        n += 20
    return n / (time.perf_counter() - t0)


def main():
    dp = _Dp()
    cases = []
    info = []
    for h in sys.argv[1:]:
        buf = bytes.fromhex(h)
        version, msg_type, msg_len, xid = ofproto_parser.header(buf)

        def parse(buf=buf, version=version, msg_type=msg_type, msg_len=msg_len, xid=xid):
            return ofproto_parser.msg(dp, version, msg_type, msg_len, xid, buf)

        msg = parse()

        def ser(msg=msg):
            msg.buf = None
            msg.serialize()

        ser()
        for _ in range(300):
            parse()
            ser()
        cases.append({"parse": parse, "serialize": ser})
        info.append({"bytes": len(buf), "sameBytes": bytes(msg.buf) == buf})
    print(json.dumps(info), flush=True)
    for line in sys.stdin:
        i, kind, secs = line.split()
        print(rate(cases[int(i)][kind], float(secs)), flush=True)


main()
