#!/usr/bin/env bash
# Browser tests of the explorer: starts the real server (debug build) over Tests/Browser/corpus on
# an ephemeral port, runs Tests/Browser/test_explorer.py in headless Chromium, stops the server.
#
# Needs chromium, chromium-driver and python3-selenium (Debian packages; .ci/run installs them).
# Screenshots land in Tests/Browser/out (BROWSER_SCREENSHOTS to change).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$(swift build --show-bin-path)/broadsheet
[[ -x "$BIN" ]] || swift build --product broadsheet
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d)
LOG=$(mktemp)
BROADSHEET_API_KEYS=browser-key "$BIN" serve --host 127.0.0.1 --port "$PORT" --corpus "$ROOT/Tests/Browser/corpus" \
    --data "$DATA" >"$LOG" 2>&1 &
PID=$!
cleanup() {
    kill -TERM "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    rm -rf "$DATA" "$LOG"
}
trap cleanup EXIT
for _ in $(seq 240); do
    if python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$PORT/readyz" 2>/dev/null; then break; fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "the server exited:"; cat "$LOG"; exit 1; fi
    sleep 0.5
done
# Debian's python3, which has python3-selenium (a pyenv python3 earlier on PATH would not).
BROADSHEET_URL="http://127.0.0.1:$PORT" /usr/bin/python3 Tests/Browser/test_explorer.py
