"""Shared by the Python reference clients of W1-W4: row generators (mirroring rows.ts), server CPU
from /proc/PID/stat, this process's peak RSS (VmHWM), and the RESULT line run.ts reads."""
import json
import os
import sys

DB = 'OVN_Northbound'
TICK_S = 1.0 / os.sysconf('SC_CLK_TCK')


def lsp_name(i):
    return 'lsp%05d' % i


def lsp_address(i):
    return '00:00:00:%02x:%02x:%02x 10.16.%d.%d' % (
        (i >> 16) & 255, (i >> 8) & 255, i & 255, (i >> 8) & 255, i & 255)


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


def pct(sorted_xs, p):
    if not sorted_xs:
        return float('nan')
    return sorted_xs[min(len(sorted_xs) - 1, int(p / 100.0 * len(sorted_xs)))]


def args():
    """<workload> <remote> <server-pid> <n>"""
    w, remote, pid, n = sys.argv[1:5]
    return w, remote, int(pid), int(n)


def emit(result):
    sys.stdout.write('RESULT %s\n' % json.dumps(result))
    sys.stdout.flush()


def ready():
    sys.stdout.write('READY\n')
    sys.stdout.flush()
