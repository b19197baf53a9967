"""os-ken (Ryu's maintained fork) OF1.3 flow_mod parse and serialize rates, for bench/openflow-flowmod.ts.
Usage: /usr/bin/python3 bench/python/oskenbench.py HEX [HEX ...]
Each HEX is one OF1.3 flow_mod made by this library. os-ken parses it (ofproto_parser.msg) and
serializes the parsed object again (msg.serialize()); the re-serialized bytes are checked against
the input so both sides measure the same message. Prints one JSON line: a list of
{bytes, parsePerSec, serializePerSec, sameBytes}."""
import json
import sys
import time

from os_ken.ofproto import ofproto_parser, ofproto_v1_3, ofproto_v1_3_parser


class _Dp:
    ofproto = ofproto_v1_3
    ofproto_parser = ofproto_v1_3_parser


def rate(fn, secs=1.0):
    for _ in range(200):
        fn()
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < secs:
        for _ in range(50):
            fn()
        n += 50
    return n / (time.perf_counter() - t0)


def main():
    dp = _Dp()
    out = []
    for h in sys.argv[1:]:
        buf = bytes.fromhex(h)
        version, msg_type, msg_len, xid = ofproto_parser.header(buf)
        parse = lambda: ofproto_parser.msg(dp, version, msg_type, msg_len, xid, buf)
        msg = parse()

        def ser():
            msg.buf = None
            msg.serialize()

        ser()
        same = bytes(msg.buf) == buf
        out.append({"bytes": len(buf), "parsePerSec": rate(parse), "serializePerSec": rate(ser), "sameBytes": same})
    print(json.dumps(out))


main()
