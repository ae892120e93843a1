#!/usr/bin/env bash
# profile.sh WORKLOAD [CONCURRENCY] -- where Tombstone's CPU per request goes beside the floor's: async-profiler
# (CPU samples, from Maven Central) on a warm floor and a warm Tombstone, each profiled during the measured phase
# of one run of the workload only (the preload left out), then frames.py's table per 1,000 requests.
#
#   benchmarks/load/profile.sh ddb-delete-conditional 16
#
# Environment: DURATION (8 s), INTERVAL (sampling interval, 200us), JAR (emulator/target/tombstone.jar), PRE
# (workloads run once against Tombstone before its warm-up, at 16 connections for 3 s each, as steady.sh's), PERF
# (../shared/perf), OUT (results dir: the collapsed stacks floor.collapsed and tombstone.collapsed, for flame
# graphs or grep), JAVA (java), ASYNC_PROFILER (4.2). Linux x64 only, as the library fetched is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PERF_SRC="${PERF:-$ROOT/../shared/perf}"
JAVA="${JAVA:-java}"; DURATION="${DURATION:-8}"; INTERVAL="${INTERVAL:-200us}"
JAR="${JAR:-$ROOT/emulator/target/tombstone.jar}"; VERSION="${ASYNC_PROFILER:-4.2}"
workload=${1:?usage: profile.sh WORKLOAD [CONCURRENCY]}; conc=${2:-16}
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -pl emulator -am package -DskipTests)
. "$ROOT/benchmarks/load/common.sh"
(cd "$PERF_DIR/floor" && mvn -q -B package -DskipTests)
mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION:jar:linux-x64" >/dev/null
unzip -o -q "$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION-linux-x64.jar" \
  'linux-x64/*' -d "$OUT/async-profiler"
lib="$OUT/async-profiler/linux-x64/libasyncProfiler.so"
# The measured phase starts after the preload (a multiple of the duration) or a second's warm-up.
case "$workload" in
  s3-delete-objects) preload=3;; ddb-delete-conditional|s3-delete-unversioned|s3-delete-versioned) preload=1.5;;
  *) preload=0;;
esac
profile() { # name port command...
  local name=$1 port=$2 pid lg skip; shift 2
  "$@" >"$OUT/$name.log" 2>&1 & pid=$!
  python3 "$PERF_DIR/first-answer.py" --wait "http://127.0.0.1:$port" any "$pid" >/dev/null
  load() { "$JAVA" -Xss512k -jar "$PERF_DIR/loadgen/loadgen.jar" --url "http://127.0.0.1:$port" \
    --workload "$workload" -c "$conc" -d "$1" --no-verify; }
  if [ "$name" = tombstone ]; then  # PRE: what a full vs-floor.sh run leaves in Tombstone before this workload
    for w in ${PRE:-}; do
      "$JAVA" -jar "$PERF_DIR/loadgen/loadgen.jar" --url "http://127.0.0.1:$port" --workload "$w" -c 16 -d 3 >/dev/null
    done
  fi
  load 4 >/dev/null  # warm-up: the JIT compiles the path first
  load "$DURATION" >"$OUT/$name.json" & lg=$!
  # the load generator's start-up and setup take about half a second before its preload or warm-up
  skip=$(python3 -c "print(max($preload * $DURATION, 1) + 0.5)")
  sleep "$skip"
  "$JAVA" "$ROOT/benchmarks/load/ProfilerAttach.java" "$pid" "$lib" "start,event=cpu,interval=$INTERVAL"
  local started; started=$(date +%s.%N)
  wait "$lg"
  python3 -c 'import json, re, sys, time
unit = {"ns": 0.001, "us": 1, "ms": 1000, "s": 1e6}
value, suffix = re.fullmatch(r"(\d+)(ns|us|ms|s)?", sys.argv[2]).groups()
json.dump({"profiled_s": time.time() - float(sys.argv[1]), "interval_us": int(value) * unit[suffix or "ns"]},
          open(sys.argv[3], "w"))' "$started" "$INTERVAL" "$OUT/$name.window.json"
  "$JAVA" "$ROOT/benchmarks/load/ProfilerAttach.java" "$pid" "$lib" "stop,collapsed,file=$OUT/$name.collapsed"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
flags=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)  # samples between safepoints name their frames
port=$(free_port); profile floor "$port" "$JAVA" "${flags[@]}" -jar "$PERF_DIR/floor/target/floor.jar" "$port" 127.0.0.1
port=$(free_port); profile tombstone "$port" "$JAVA" "${flags[@]}" -jar "$JAR" --port "$port"
python3 "$ROOT/benchmarks/load/frames.py" "$OUT"
echo "collapsed stacks: $OUT/floor.collapsed, $OUT/tombstone.collapsed"
