#!/usr/bin/env python3
"""cpu-table.py OUTDIR -- server CPU time per request, Tombstone beside the floor, from OUTDIR/cpu.jsonl and
OUTDIR/results.jsonl (both written by vs-floor.sh). CPU covers the whole run of the load generator, preload
phase included, divided by the measured requests (keys for s3-delete-objects): compare only the ratio.
A second table splits Tombstone's CPU per request by the threads that spent it (threads.py): the I/O
threads, our other threads, the collector and the JIT compilers."""
import collections, json, os, statistics, sys

out = sys.argv[1]
load = {(r["label"], r["workload"], r["concurrency"], r["round"]): r
        for r in map(json.loads, filter(str.strip, open(os.path.join(out, "results.jsonl"))))}
per = collections.defaultdict(dict)
GROUPS = ("io", "workers", "collector", "compiler")
split = collections.defaultdict(lambda: collections.defaultdict(list))
for c in map(json.loads, filter(str.strip, open(os.path.join(out, "cpu.jsonl")))):
    r = load.get((c["label"], c["workload"], c["concurrency"], c["round"]))
    if not r or not r.get("ok"):
        continue
    units = r["ok"] * (1000 if c["workload"] == "s3-delete-objects" else 1)
    per[(c["workload"], c["concurrency"])].setdefault(c["round"], {})[c["label"]] = c["cpu_ticks"] / c["hz"] * 1e6 / units
    if c["label"] == "target" and "threads_after" in c:
        for g in GROUPS:
            spent = max(0, c["threads_after"][g] - c["threads_before"][g])  # an ended thread takes its ticks
            split[(c["workload"], c["concurrency"])][g].append(spent / c["hz"] * 1e6 / units)
print("\n| workload | c | floor CPU µs/req (median) | target CPU µs/req (median) | target/floor CPU |")
print("|---|---|---|---|---|")
for (w, conc), rounds in per.items():
    both = [v for v in rounds.values() if "floor" in v and "target" in v]
    if not both:
        continue
    f = statistics.median(v["floor"] for v in both); t = statistics.median(v["target"] for v in both)
    ratio = statistics.median(v["target"] / v["floor"] for v in both if v["floor"] > 0)
    unit = " (per key)" if w == "s3-delete-objects" else ""
    print(f"| {w}{unit} | {conc} | {f:.1f} | {t:.1f} | {ratio:.2f} |")
if split:
    print("\n| workload | c | Tombstone CPU µs/req by threads (medians): I/O | others of ours | collector | JIT compilers |")
    print("|---|---|---|---|---|---|")
    for (w, conc), groups in split.items():
        unit = " (per key)" if w == "s3-delete-objects" else ""
        print(f"| {w}{unit} | {conc} | " + " | ".join(f"{statistics.median(groups[g]):.1f}" for g in GROUPS) + " |")
