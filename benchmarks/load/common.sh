# common.sh -- sourced by the load scripts: the team's perf tools in a scratch copy, free ports, and the floor and
# Tombstone started side by side. Needs PERF_SRC and OUT; sets PERF_DIR and builds the load generator there.
[ -d "$PERF_SRC" ] || { echo "no perf tools at $PERF_SRC (set PERF)" >&2; exit 2; }
# ../shared may be read-only: build and run the tools from a copy
PERF_DIR="$OUT/perf"; rm -rf "$PERF_DIR"; cp -r "$PERF_SRC/." "$PERF_DIR/"; chmod -R u+w "$PERF_DIR"
"$PERF_DIR/loadgen/build.sh" >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# Starts the floor and Tombstone (JAR, with TOMBSTONE_JVM_OPTS) on free ports, logs in OUT: sets fport, fpid,
# tport, tpid. The caller sets its own trap to stop them, then waits for both with answers_at.
start_floor_and_tombstone() {
  (cd "$PERF_DIR/floor" && mvn -q -B package -DskipTests)
  fport=$(free_port); tport=$(free_port)
  "$JAVA" -jar "$PERF_DIR/floor/target/floor.jar" "$fport" 127.0.0.1 >"$OUT/floor.log" 2>&1 & fpid=$!
  # shellcheck disable=SC2086 # the options are words
  "$JAVA" ${TOMBSTONE_JVM_OPTS:-} -jar "$JAR" --port "$tport" >"$OUT/tombstone.log" 2>&1 & tpid=$!
}
# answers_at PORT PID: waits until the server there answers (first-answer.py gives up after 120 s)
answers_at() { python3 "$PERF_DIR/first-answer.py" --wait "http://127.0.0.1:$1" any "$2" >/dev/null; }
