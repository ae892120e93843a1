#!/usr/bin/env bash
# vs-floor.sh [both|ddb|s3] -- Tombstone against the floor (a bare Undertow answering a fixed body), in one
# run, interleaved: the team's yardstick from ../shared/perf (load generator, floor server, workloads), plus
# the server CPU time per request of each, read from /proc around every run.
#
# Prints the yardstick's table (medians over rounds; ratio = median of per-round target/floor req/s) and a
# CPU table. Environment: ROUNDS (3), DURATION (3 s), CONCURRENCY ("1 16"), WORKLOADS (all), JAR
# (emulator/target/tombstone.jar, built if missing), JAVA (java), PERF (../shared/perf), OUT (results dir),
# TOMBSTONE_JVM_OPTS (JVM options for Tombstone only, e.g. the README's load recipe; the floor keeps the defaults).
# UNCHECKED=1 adds a third run per round, label "unchecked": Tombstone again, with the load generator's
# answer checks off as they are for the floor (--no-verify), which shows what the checks cost the target.
# LEAST=1 adds, for s3-delete-objects only, a run per round of LeastDeleteObjects (label "least"): a bare
# Undertow doing only the work a correct DeleteObjects cannot skip, its answers checked as Tombstone's are;
# its ratio to the floor shows how far the work itself is from a target (needs benchmarks.jar).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PERF_SRC="${PERF:-$ROOT/../shared/perf}"
JAVA="${JAVA:-java}"; ROUNDS="${ROUNDS:-3}"; KIND="${1:-both}"
JAR="${JAR:-$ROOT/emulator/target/tombstone.jar}"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -pl emulator -am package -DskipTests)
. "$ROOT/benchmarks/load/common.sh"
start_floor_and_tombstone
lpid=""
if [ -n "${LEAST:-}" ]; then
  BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
  [ -f "$BENCH_JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)
  lport=$(free_port)
  "$JAVA" -cp "$BENCH_JAR" dev.tombstone.benchmarks.LeastDeleteObjects "$lport" 127.0.0.1 >"$OUT/least.log" 2>&1 & lpid=$!
fi
trap 'kill $fpid $tpid $lpid 2>/dev/null; wait 2>/dev/null || true' EXIT
answers_at "$fport" "$fpid"; answers_at "$tport" "$tpid"
[ -z "$lpid" ] || answers_at "$lport" "$lpid"
echo "cpus: $(nproc); jdk: $("$JAVA" -version 2>&1 | head -1); rounds: $ROUNDS; duration: ${DURATION:-3}s;" \
  "Tombstone's JVM options: ${TOMBSTONE_JVM_OPTS:-none}" >"$OUT/machine.txt"
case "$KIND" in ddb) ws="ddb-delete-missing ddb-delete-conditional ddb-put-delete";;
  s3) ws="s3-delete-unversioned s3-delete-versioned s3-delete-objects";;
  *) ws="ddb-delete-missing ddb-delete-conditional ddb-put-delete s3-delete-unversioned s3-delete-versioned s3-delete-objects";; esac
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
# one run of one workload against one server; appends a JSON line with the server's CPU ticks to $OUT/cpu.jsonl
threads() { python3 "$ROOT/benchmarks/load/threads.py" "$1"; }
run() { # label kind port pid workload concurrency round
  local before after threads_before threads_after start
  before=$(cpu_ticks "$4"); threads_before=$(threads "$4"); start=$(date +%s.%N)
  LABEL=$1 ROUND=$7 WORKLOADS=$5 CONCURRENCY=$6 OUT="${8:-$OUT}" "$PERF_DIR/compare.sh" "$2" "http://127.0.0.1:$3" >/dev/null
  after=$(cpu_ticks "$4"); threads_after=$(threads "$4")
  echo "{\"label\":\"$1\",\"workload\":\"$5\",\"concurrency\":$6,\"round\":$7,\"cpu_ticks\":$((after - before)),\"hz\":$(getconf CLK_TCK),\"threads_before\":$threads_before,\"threads_after\":$threads_after,\"start\":$start,\"end\":$(date +%s.%N)}" >>"${8:-$OUT}/cpu.jsonl"
}
for w in ${WORKLOADS:-$ws}; do # warm-up, not counted
  run floor floor "$fport" "$fpid" "$w" 16 0 "$OUT/warmup"
  run target "$KIND" "$tport" "$tpid" "$w" 16 0 "$OUT/warmup"
  if [ -n "$lpid" ] && [ "$w" = s3-delete-objects ]; then run least s3 "$lport" "$lpid" "$w" 16 0 "$OUT/warmup"; fi
done
for r in $(seq "$ROUNDS"); do
  for w in ${WORKLOADS:-$ws}; do
    for c in ${CONCURRENCY:-1 16}; do
      run floor floor "$fport" "$fpid" "$w" "$c" "$r"
      run target "$KIND" "$tport" "$tpid" "$w" "$c" "$r"
      if [ -n "${UNCHECKED:-}" ]; then run unchecked floor "$tport" "$tpid" "$w" "$c" "$r"; fi
      if [ -n "$lpid" ] && [ "$w" = s3-delete-objects ]; then run least s3 "$lport" "$lpid" "$w" "$c" "$r"; fi
    done
  done
done
python3 "$PERF_DIR/summarize.py" "$OUT"
python3 "$ROOT/benchmarks/load/cpu-table.py" "$OUT"
echo "raw results: $OUT/results.jsonl, $OUT/cpu.jsonl"
