#!/usr/bin/env bash
# Latency of the list and analytics endpoints, uncached, on a data folder (by default the one
# Benchmarks/ingest.sh leaves, at whatever size it was run): starts a release server on it, runs
# Benchmarks/api_latency.py, stops the server.
#
# Usage: Benchmarks/api.sh [--data DIR] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${BENCH_OUT:-Benchmarks/out/ingest}/data"
REQUESTS=200
while (( $# > 0 )); do
    case "$1" in
        --data) DATA=$2; shift 2 ;;
        --requests) REQUESTS=$2; shift 2 ;;
        *) echo "unknown option $1"; exit 2 ;;
    esac
done
[[ -d "$DATA" ]] || { echo "no data folder at $DATA: run Benchmarks/ingest.sh first"; exit 2; }
swift build -c release --product broadsheet >/dev/null
BIN=$(swift build -c release --show-bin-path)/broadsheet
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG=$(mktemp)
"$BIN" serve --host 127.0.0.1 --port "$PORT" --corpus none --data "$DATA" --log-level warning >"$LOG" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
until python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "http://127.0.0.1:$PORT/readyz" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.5
done
python3 Benchmarks/api_latency.py --url "http://127.0.0.1:$PORT" --requests "$REQUESTS"
