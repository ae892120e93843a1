#!/usr/bin/env bash
# ab.sh WORKLOAD CONCURRENCY NAME=JAR[|JVM options] ... -- two or more builds (or JVM options) of Tombstone
# against each other and the floor, interleaved round by round, one server process each for the whole run.
# For deciding whether a change helps: single req/s ratios swing by a tenth or more between rounds on a
# shared 2-core machine, while the server CPU time per request (from /proc) moves by a few hundredths, so
# the table leads with that, as a median of per-round ratios to the floor. Its last two columns are the parts of
# that CPU the collector's threads (which JVM options and allocation move) and the JIT compilers (a run that
# still compiles its path) spent, read per thread from /proc by threads.py.
#
#   benchmarks/load/ab.sh ddb-delete-missing 16 before=/tmp/before.jar after=emulator/target/tombstone.jar
#   benchmarks/load/ab.sh ddb-delete-conditional 16 g1=emulator/target/tombstone.jar \
#       'parallel=emulator/target/tombstone.jar|-XX:+UseParallelGC'
#
# Environment: ROUNDS (7), DURATION (3 s), WARMUP (workloads each server runs for 2 s first; default the three
# of the measured one's service, as vs-floor.sh warms up: the setup requests of each run would otherwise make
# the JIT recompile the measured path inside the measured runs), PERF (../shared/perf), OUT (results dir),
# JAVA (java).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PERF_SRC="${PERF:-$ROOT/../shared/perf}"
JAVA="${JAVA:-java}"; ROUNDS="${ROUNDS:-7}"; DURATION="${DURATION:-3}"
workload=${1:?usage: ab.sh WORKLOAD CONCURRENCY NAME=JAR[|JVM options] ...}; conc=${2:?concurrency}; shift 2
[ $# -ge 1 ] || { echo "name at least one NAME=JAR" >&2; exit 2; }
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
. "$ROOT/benchmarks/load/common.sh"
(cd "$PERF_DIR/floor" && mvn -q -B package -DskipTests)

names=(floor); pids=(); ports=(); flags=(--no-verify)
port=$(free_port); "$JAVA" -jar "$PERF_DIR/floor/target/floor.jar" "$port" 127.0.0.1 >"$OUT/floor.log" 2>&1 &
pids+=($!); ports+=("$port")
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true' EXIT
for variant in "$@"; do
  name=${variant%%=*}; spec=${variant#*=}; jar=${spec%%|*}; opts=""
  [ "$spec" != "$jar" ] && opts=${spec#*|}
  [ -f "$jar" ] || { echo "no JAR at $jar" >&2; exit 2; }
  port=$(free_port)
  # shellcheck disable=SC2086 # the options are words
  "$JAVA" $opts -jar "$jar" --port "$port" >"$OUT/$name.log" 2>&1 &
  pids+=($!); ports+=("$port"); names+=("$name"); flags+=("")
done
for i in "${!ports[@]}"; do
  python3 "$PERF_DIR/first-answer.py" --wait "http://127.0.0.1:${ports[$i]}" any "${pids[$i]}" >/dev/null
done

load() { # server-index workload seconds connections
  "$JAVA" -Xss512k -jar "$PERF_DIR/loadgen/loadgen.jar" --url "http://127.0.0.1:${ports[$1]}" \
    --workload "$2" -c "$4" -d "$3" --label "${names[$1]}" ${flags[$1]:+"${flags[$1]}"} 2>>"$OUT/loadgen.err"
}
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
threads() { python3 "$ROOT/benchmarks/load/threads.py" "$1"; } # CPU ticks per kind of thread
case "$workload" in
  ddb-*) service_workloads="ddb-delete-missing ddb-delete-conditional ddb-put-delete";;
  *) service_workloads="s3-delete-unversioned s3-delete-versioned s3-delete-objects";;
esac
for w in ${WARMUP:-$service_workloads}; do
  for i in "${!ports[@]}"; do load "$i" "$w" 2 16 >/dev/null; done
done
echo "cpus: $(nproc); jdk: $("$JAVA" -version 2>&1 | head -1); $workload at $conc connections; rounds: $ROUNDS" \
  | tee "$OUT/machine.txt"
for r in $(seq "$ROUNDS"); do
  for i in "${!ports[@]}"; do
    before=$(ticks "${pids[$i]}"); threads_before=$(threads "${pids[$i]}")
    line=$(load "$i" "$workload" "$DURATION" "$conc") \
      || line="{\"label\":\"${names[$i]}\",\"workload\":\"$workload\",\"failed\":true}"
    after=$(ticks "${pids[$i]}"); threads_after=$(threads "${pids[$i]}")
    echo "${line%\}},\"round\":$r,\"cpu_ticks\":$((after - before)),\"hz\":$(getconf CLK_TCK),\"threads_before\":$threads_before,\"threads_after\":$threads_after}" >>"$OUT/ab.jsonl"
  done
done
python3 - "$OUT/ab.jsonl" <<'EOF'
import collections, json, statistics, sys
rounds = collections.defaultdict(dict)
names = []
for r in map(json.loads, open(sys.argv[1])):
    rounds[r["round"]][r["label"]] = r
    if r["label"] not in names:
        names.append(r["label"])
def cpu(r, group=None):  # server CPU microseconds per request (per key for DeleteObjects)
    units = r["ok"] * (1000 if r["workload"] == "s3-delete-objects" else 1)
    ticks = r["cpu_ticks"] if group is None else max(0, r["threads_after"][group] - r["threads_before"][group])
    return ticks / r["hz"] * 1e6 / max(units, 1)
print("\n| server | req/s / floor | CPU per request / floor | p99 / floor | errors | CPU µs/req "
      "| of it, the collector's | the JIT compilers' |")
print("|---|---|---|---|---|---|---|---|")
for n in names:
    rs = [v for v in rounds.values() if n in v and "floor" in v]
    ok = [v for v in rs if v[n].get("ok") and v["floor"].get("ok")]
    if not ok:
        print(f"| {n} | failed | | | | | | |"); continue
    med = lambda f: statistics.median(f(v) for v in ok)
    print(f"| {n} | {med(lambda v: v[n]['rps'] / v['floor']['rps']):.2f} "
          f"| {med(lambda v: cpu(v[n]) / cpu(v['floor'])):.2f} "
          f"| {med(lambda v: (v[n]['p99_ms'] or 0) / (v['floor']['p99_ms'] or 1)):.2f} "
          f"| {sum(v[n].get('errors', 0) for v in rs)} | {med(lambda v: cpu(v[n])):.1f} "
          f"| {med(lambda v: cpu(v[n], 'collector')):.1f} | {med(lambda v: cpu(v[n], 'compiler')):.1f} |")
print(f"\nmedians over {len(rounds)} rounds of the per-round ratios; raw results: {sys.argv[1]}")
EOF
