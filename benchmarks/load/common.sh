# common.sh -- sourced by vs-floor.sh and memory.sh: the team's perf tools in a scratch copy, and free ports.
# Needs PERF_SRC and OUT; sets PERF_DIR and builds the load generator there.
[ -d "$PERF_SRC" ] || { echo "no perf tools at $PERF_SRC (set PERF)" >&2; exit 2; }
# ../shared may be read-only: build and run the tools from a copy
PERF_DIR="$OUT/perf"; rm -rf "$PERF_DIR"; cp -r "$PERF_SRC/." "$PERF_DIR/"; chmod -R u+w "$PERF_DIR"
"$PERF_DIR/loadgen/build.sh" >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
