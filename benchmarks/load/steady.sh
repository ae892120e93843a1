#!/usr/bin/env bash
# steady.sh [WORKLOAD] [CONNECTIONS] -- Tombstone against the floor in longer runs, measured only in their steady
# middle: the load generator's and the server's CPU per request, read from /proc at two moments of each run
# (after the generator's start-up and one-second warm-up, and a second before its end), beside req/s.
# vs-floor.sh's 3-second runs include a fresh generator JVM's start-up and compilation; this shows what the two
# cores spend per request once both sides are warm, and how much of them the two processes keep busy.
#
#   benchmarks/load/steady.sh ddb-delete-missing 16
#   PRE="ddb-delete-conditional s3-delete-versioned s3-delete-objects" benchmarks/load/steady.sh
#
# Workloads without a preload phase only (ddb-delete-missing, ddb-put-delete): the others' measured phase ends
# when their preloaded keys run out, at a moment not known in advance. Environment: ROUNDS (3), DURATION (10 s),
# PRE (workloads run once against Tombstone before the warm-up, so it holds the data a full vs-floor.sh run
# leaves in it), JAR, JAVA, PERF (../shared/perf), OUT, TOMBSTONE_JVM_OPTS (JVM options for Tombstone only).
# Each round runs the floor and Tombstone in turn, the order swapped every round.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PERF_SRC="${PERF:-$ROOT/../shared/perf}"
JAVA="${JAVA:-java}"; ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-10}"
JAR="${JAR:-$ROOT/emulator/target/tombstone.jar}"
workload=${1:-ddb-delete-missing}; conc=${2:-16}
case "$workload" in ddb-delete-missing|ddb-put-delete) ;;
  *) echo "steady.sh: $workload has a preload phase; use vs-floor.sh" >&2; exit 2;; esac
[ "$DURATION" -ge 4 ] || { echo "steady.sh: DURATION must be at least 4 seconds" >&2; exit 2; }
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -pl emulator -am package -DskipTests)
. "$ROOT/benchmarks/load/common.sh"
start_floor_and_tombstone
trap 'kill $fpid $tpid 2>/dev/null; wait 2>/dev/null || true' EXIT
answers_at "$fport" "$fpid"; answers_at "$tport" "$tpid"
loadgen() { # port workload connections duration [--no-verify]
  exec "$JAVA" -Xss512k -jar "$PERF_DIR/loadgen/loadgen.jar" --url "http://127.0.0.1:$1" --workload "$2" -c "$3" -d "$4" \
    "${@:5}"
}
for w in ${PRE:-}; do (loadgen "$tport" "$w" 16 3 >/dev/null); done
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
# The window: from 2 s after the generator starts (its JVM's start-up and its 1-s warm-up phase) to 1 s before
# its measured phase ends.
from=2; to=$((DURATION))
run() { # label port server-pid round [--no-verify]
  local g0 s0 g1 s1 lg
  # exec: the background job's pid is the generator's JVM
  (loadgen "$2" "$workload" "$conc" "$DURATION" "${@:5}" >"$OUT/run.json") & lg=$!
  sleep "$from"; g0=$(ticks "$lg"); s0=$(ticks "$3")
  sleep "$((to - from))"; g1=$(ticks "$lg"); s1=$(ticks "$3")
  wait "$lg"
  python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
label, rnd, g, s, window, hz = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
n = r["rps"] * window
print(json.dumps({"label": label, "round": rnd, "rps": r["rps"], "errors": r["errors"], "p99_ms": r["p99_ms"],
                  "generator_us": g / hz * 1e6 / n, "server_us": s / hz * 1e6 / n, "cores_busy": (g + s) / hz / window}))' \
    "$OUT/run.json" "$1" "$4" "$((g1 - g0))" "$((s1 - s0))" "$((to - from))" "$(getconf CLK_TCK)" >>"$OUT/steady.jsonl"
}
: >"$OUT/steady.jsonl"
run warmup "$fport" "$fpid" 0 --no-verify; run warmup "$tport" "$tpid" 0
for r in $(seq "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then
    run floor "$fport" "$fpid" "$r" --no-verify; run tombstone "$tport" "$tpid" "$r"
  else
    run tombstone "$tport" "$tpid" "$r"; run floor "$fport" "$fpid" "$r" --no-verify
  fi
done
python3 - "$OUT/steady.jsonl" "$workload" "$conc" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rounds = sorted({r["round"] for r in rows if r["round"] > 0})
by = {(r["label"], r["round"]): r for r in rows}
print(f"{sys.argv[2]} at {sys.argv[3]} connections, steady window of each run")
print("| round | server | req/s | generator CPU µs/req | server CPU µs/req | both | cores busy | errors |")
print("|---|---|---|---|---|---|---|---|")
for n in rounds:
    for label in ("floor", "tombstone"):
        r = by[(label, n)]
        print(f"| {n} | {label} | {r['rps']:,.0f} | {r['generator_us']:.1f} | {r['server_us']:.1f} | "
              f"{r['generator_us'] + r['server_us']:.1f} | {r['cores_busy']:.2f} | {r['errors']} |")
def median(f):
    return statistics.median(f(by[("tombstone", n)], by[("floor", n)]) for n in rounds)
print(f"\nmedians of the per-round ratios, Tombstone / floor: req/s {median(lambda t, f: t['rps'] / f['rps']):.2f}, "
      f"server CPU per request {median(lambda t, f: t['server_us'] / f['server_us']):.2f}, "
      f"generator CPU per request {median(lambda t, f: t['generator_us'] / f['generator_us']):.2f}")
EOF
echo "raw results: $OUT/steady.jsonl"
