#!/usr/bin/env python3
"""frames.py OUTDIR -- profile.sh's table: CPU microseconds per request (per key for s3-delete-objects) of the
floor and of Tombstone, as sampled, from OUTDIR/{floor,tombstone}.collapsed (async-profiler's collapsed stacks), their load
generator results (*.json) and profiled windows (*.window.json).

Samples are sorted into: the kernel sending answers (a writev, waking the client included), the kernel
receiving, other kernel work, page faults (first touches of fresh heap), the collector's threads, the JIT
compilers, and user space on the request threads: our own code by its deepest class of ours, and Undertow,
XNIO and the JDK (JDK frames count for the server code that called them). Requests in a window are estimated as the run's rate times the window's length."""
import collections
import json
import os
import sys

out = sys.argv[1]


def per_request(name):
    """Microseconds of CPU one sample stands for, over the requests in the window."""
    result = json.load(open(os.path.join(out, name + ".json")))
    window = json.load(open(os.path.join(out, name + ".window.json")))
    keys = 1000 if result["workload"] == "s3-delete-objects" else 1
    return window["interval_us"] / (result["rps"] * keys * window["profiled_s"])


def ours(frame):
    return frame.startswith("dev/tombstone/") and "/shaded/" not in frame


def server(frame):
    return ours(frame) or any(m in frame for m in ("/undertow/", "/xnio/"))


def kind(frames):
    threads = " ".join(frames[:8])
    if "CompileBroker" in threads:
        return "JIT compilers"
    if any(m in threads for m in ("GangWorker", "ConcurrentGCThread", "G1", "GCTaskThread", "VMThread")):
        return "collector"
    if "asm_exc_page_fault_[k]" in frames:
        return "page faults"
    if frames[-1].endswith("_[k]"):
        user = [f for f in frames if not f.endswith("_[k]")]
        last = " ".join(user[-3:]).lower()
        if "writev" in last or "write0" in last:
            return "kernel: sending"
        if "read" in last:
            return "kernel: receiving"
        return "kernel: other"
    # JDK frames count for the server code that called them: ours, or Undertow's and XNIO's.
    callers = [f for f in frames if server(f) and "$$Lambda" not in f and "lambda$" not in f]
    if callers and ours(callers[-1]):
        return "ours: " + callers[-1].split("/")[-1].split(".")[0]
    return "Undertow, XNIO, the JDK"


def load(name):
    counts = collections.Counter()
    for line in open(os.path.join(out, name + ".collapsed")):
        stack, _, samples = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        counts[kind(frames)] += int(samples)
    return counts


floor, tombstone = load("floor"), load("tombstone")
per_floor, per_tombstone = per_request("floor"), per_request("tombstone")
groups = lambda k: k.split(":")[0] if k.startswith("ours") else k
print("\n| CPU µs per request, by where it was spent | floor | Tombstone | difference |")
print("|---|---|---|---|")
totals = collections.Counter()
for counts, scale, label in ((floor, per_floor, "f"), (tombstone, per_tombstone, "t")):
    for k, n in counts.items():
        totals[(groups(k), label)] += n * scale
for g in sorted({g for g, _ in totals}, key=lambda g: -totals[(g, "t")]):
    f, t = totals[(g, "f")], totals[(g, "t")]
    print(f"| {g} | {f:.2f} | {t:.2f} | {t - f:+.2f} |")
print(f"| all | {sum(floor.values()) * per_floor:.2f} | {sum(tombstone.values()) * per_tombstone:.2f} | |")
print("\n| Tombstone's own code, by deepest class | CPU µs per request |")
print("|---|---|")
for k, n in sorted(((k, n) for k, n in tombstone.items() if k.startswith("ours")), key=lambda x: -x[1])[:15]:
    print(f"| {k[6:]} | {n * per_tombstone:.2f} |")
