#!/usr/bin/env bash
# startup.sh -- java -jar tombstone.jar to its first answered request, next to a bare Undertow JAR started
# the same way (UndertowBaseline), RUNS (9) times each, interleaved one to one; prints the medians of wall
# and CPU time and their ratios. Then the in-process start (InProcessStart, interleaved itself) and the
# JUnit extension's cost (ExtensionOverhead). Environment: RUNS (9), JAVA (java), JAR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA="${JAVA:-java}"; RUNS="${RUNS:-9}"
JAR="${JAR:-$ROOT/emulator/target/tombstone.jar}"; BENCH="$ROOT/benchmarks/target/benchmarks.jar"
[ -f "$JAR" ] && [ -f "$BENCH" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)
one() { # target -> "wall cpu"
  local out
  out=$("$JAVA" -cp "$BENCH" dev.tombstone.benchmarks.StartupTime "$1" 1)
  echo "$(sed -n 's/^median start-up to first answered request: \([0-9]*\) ms/\1/p' <<<"$out") $(sed -n 's/^median CPU time (all threads) until then: \([0-9]*\) ms/\1/p' <<<"$out")"
}
rows=()
for i in $(seq "$RUNS"); do
  rows+=("floor $(one dev.tombstone.benchmarks.baseline.UndertowBaseline)")
  rows+=("target $(one "$JAR")")
done
printf '%s\n' "${rows[@]}" | python3 -c '
import statistics, sys
runs = {"floor": [], "target": []}
for line in sys.stdin:
    label, wall, cpu = line.split(); runs[label].append((float(wall), float(cpu)))
med = lambda xs: statistics.median(xs)
fw, fc = med([w for w, c in runs["floor"]]), med([c for w, c in runs["floor"]])
tw, tc = med([w for w, c in runs["target"]]), med([c for w, c in runs["target"]])
print("| java -jar to first answer | wall ms (median) | CPU ms (median) |")
print("|---|---|---|")
print(f"| bare Undertow JAR (UndertowBaseline) | {fw:.0f} | {fc:.0f} |")
print(f"| tombstone.jar | {tw:.0f} | {tc:.0f} |")
print(f"| ratio | {tw/fw:.2f} | {tc/fc:.2f} |")'
"$JAVA" -cp "$BENCH" dev.tombstone.benchmarks.InProcessStart "$RUNS"
"$JAVA" -cp "$BENCH" dev.tombstone.benchmarks.ExtensionOverhead "$RUNS"
