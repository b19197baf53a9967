"""os-ken (Ryu fork) packet_in parse rate, for bench/openflow-msg.ts.
Usage: /usr/bin/python3 bench/python/oskenpacketin.py HEX [HEX ...]  -> one JSON line per message."""
import json
import sys
import time

from os_ken.ofproto import ofproto_parser, ofproto_v1_5, ofproto_v1_5_parser


class _Dp:
    ofproto = ofproto_v1_5
    ofproto_parser = ofproto_v1_5_parser


def main():
    dp = _Dp()
    out = []
    for h in sys.argv[1:]:
        buf = bytes.fromhex(h)
        version, msg_type, msg_len, xid = ofproto_parser.header(buf)
        for _ in range(200):
            ofproto_parser.msg(dp, version, msg_type, msg_len, xid, buf)
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.0:
            for _ in range(100):
                ofproto_parser.msg(dp, version, msg_type, msg_len, xid, buf)
            n += 100
        out.append({"bytes": len(buf), "opsPerSec": n / (time.perf_counter() - t0)})
    print(json.dumps(out))


main()
