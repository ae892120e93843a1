#!/usr/bin/env bash
# memory.sh -- 100,000 small items (PutItem of ~100 bytes, the load generator's ddb-load) into Tombstone
# started with the default heap and with -Xmx64m, interleaved, ROUNDS (3) times each. Prints the load
# rate of each, their ratio, the GC pauses, the live heap after a full GC and the bytes per stored item.
# Environment: ROUNDS (3), COUNT (100000), HEAP (-Xmx64m), JAR, JAVA, PERF (../shared/perf), OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PERF_SRC="${PERF:-$ROOT/../shared/perf}"
JAVA="${JAVA:-java}"; ROUNDS="${ROUNDS:-3}"; COUNT="${COUNT:-100000}"; HEAP="${HEAP:--Xmx64m}"
JAR="${JAR:-$ROOT/emulator/target/tombstone.jar}"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -pl emulator -am package -DskipTests)
. "$ROOT/benchmarks/load/common.sh"
JCMD="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd"
live_heap_kb() { # full GC, then the used heap in KiB
  "$JCMD" "$1" GC.run >/dev/null
  "$JCMD" "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1
}
one() { # label heap-option round
  local port pid before after load gc
  port=$(free_port)
  "$JAVA" $2 -Xlog:gc:file="$OUT/gc-$1-$3.log" -jar "$JAR" --port "$port" >"$OUT/tombstone-$1-$3.log" 2>&1 & pid=$!
  python3 "$PERF_DIR/first-answer.py" --wait "http://127.0.0.1:$port" any "$pid" >/dev/null
  before=$(live_heap_kb "$pid")
  load=$("$JAVA" -jar "$PERF_DIR/loadgen/loadgen.jar" --url "http://127.0.0.1:$port" --workload ddb-load -c 16 --count "$COUNT" 2>/dev/null)
  gc=$(grep -c "Pause" "$OUT/gc-$1-$3.log" || true)
  after=$(live_heap_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$1" "$3" "$load" "$before" "$after" "$gc" "$COUNT" >>"$OUT/memory.jsonl" <<'PY'
import json, sys
label, rnd, load, before, after, gc, count = sys.argv[1:8]
r = json.loads(load)
print(json.dumps({"label": label, "round": int(rnd), "ok": r["ok"], "errors": r["errors"], "rps": r["rps"],
                  "gc_pauses_during_load": int(gc), "live_heap_kb_before": int(before), "live_heap_kb_after": int(after),
                  "bytes_per_item": (int(after) - int(before)) * 1024 / int(count)}))
PY
}
for r in $(seq "$ROUNDS"); do one default "" "$r"; one small "$HEAP" "$r"; done
python3 - "$OUT/memory.jsonl" "$HEAP" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = statistics.median
print("| heap | items loaded (min) | errors | load req/s (median) | GC pauses (median) | live heap after MiB | bytes/item |")
print("|---|---|---|---|---|---|---|")
for label, name in (("default", "default"), ("small", sys.argv[2])):
    rs = [r for r in rows if r["label"] == label]
    print(f"| {name} | {min(r['ok'] for r in rs)} | {sum(r['errors'] for r in rs)} | {med(r['rps'] for r in rs):,.0f} | "
          f"{med(r['gc_pauses_during_load'] for r in rs):.0f} | {med(r['live_heap_kb_after'] for r in rs)/1024:.1f} | {med(r['bytes_per_item'] for r in rs):.0f} |")
ratios = [s["rps"] / d["rps"] for d in rows if d["label"] == "default" for s in rows if s["label"] == "small" and s["round"] == d["round"]]
print(f"\nload rate {sys.argv[2]} / default heap, median of per-round ratios: {med(ratios):.2f}")
PY
