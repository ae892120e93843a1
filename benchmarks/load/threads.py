#!/usr/bin/env python3
"""threads.py PID -- one JSON line: the CPU ticks (user + system, /proc) a JVM's threads have used so far,
grouped by what they do. Read before and after a run, the differences say where the run's CPU went:
  io        Undertow's I/O threads (XNIO-n I/O-m): where Tombstone and the floor serve most requests
  workers   the other threads of ours or Undertow's (XNIO task threads, tombstone-*: large S3 bodies,
            the side thread that hashes a body, the expirer)
  collector the garbage collector's threads (G1's and Parallel's workers, refinement, marking) and the VM thread
  compiler  the JIT compilers (C1, C2)
  other     the rest (the main thread, signal and service threads)
A thread that ended between two readings takes its ticks with it: compare only runs without such ends
(a thread pool's idle timeout can end one)."""
import glob
import json
import sys


def group(name):
    if name.startswith(("GC Thread", "G1 ", "VM Thread")):
        return "collector"
    if "CompilerThre" in name:
        return "compiler"
    if name.startswith("XNIO") and "I/O" in name:
        return "io"
    if name.startswith(("XNIO", "tombstone")):
        return "workers"
    return "other"


ticks = {"io": 0, "workers": 0, "collector": 0, "compiler": 0, "other": 0}
for path in glob.glob(f"/proc/{sys.argv[1]}/task/*/stat"):
    try:
        stat = open(path).read()
    except OSError:  # the thread ended
        continue
    name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
    ticks[group(name)] += int(fields[11]) + int(fields[12])  # utime, stime
print(json.dumps(ticks))
