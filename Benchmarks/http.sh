#!/usr/bin/env bash
# HTTP throughput and latency of the Broadsheet server beside nginx serving the same bytes.
#
#   bash Benchmarks/http.sh                  # release build, server on seeds/, ~2 min of wrk
#   BENCH_DURATION=8s BENCH_ROUNDS=5 bash Benchmarks/http.sh
#   OURS_URL=http://127.0.0.1:8080 OURS_PID=1234 bash Benchmarks/http.sh   # a server already running
#
# For GET /healthz and GET /v1/documents/{id} (the first id of GET /v1/documents), it saves our
# exact response bodies and Content-Types as static files, serves them with nginx (2 workers,
# keep-alive, access log off) on another loopback port, and runs wrk against both with 64
# connections (2 threads) and with 1 connection (1 thread), alternating the two servers for
# BENCH_ROUNDS rounds of BENCH_DURATION each. It prints the median req/s, p50 and p99 of each,
# the ratio ours/nginx, and the peak RSS (VmHWM) of our server, beside the targets.
# Needs: wrk, nginx (nginx-light), python3. Only loopback addresses are used.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-5s}
ROUNDS=${BENCH_ROUNDS:-3}
WORK=$(mktemp -d /tmp/broadsheet-http-bench.XXXXXX)
chmod 755 "$WORK"
OURS_PID=${OURS_PID:-}
STARTED_PID=""
NGINX_PID=""

cleanup() {
    if [[ -n "$STARTED_PID" ]] && kill -0 "$STARTED_PID" 2>/dev/null; then
        kill -TERM "$STARTED_PID" 2>/dev/null || true
        wait "$STARTED_PID" 2>/dev/null || true
    fi
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in wrk nginx python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install wrk nginx-light python3)" >&2; exit 1; }
done

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# fetch URL BODY_FILE -> prints "STATUS CONTENT-TYPE"
fetch() {
    python3 - "$1" "$2" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
        body, status, ctype = response.read(), response.status, response.headers.get("Content-Type", "")
except urllib.error.HTTPError as error:
    body, status, ctype = error.read(), error.code, error.headers.get("Content-Type", "")
except Exception:
    body, status, ctype = b"", 0, ""
open(sys.argv[2], "wb").write(body)
print(status, ctype)
PY
}

# 1. Our server: build in release mode and start it on the seed corpus, unless OURS_URL is given.
if [[ -z "${OURS_URL:-}" ]]; then
    echo "==> swift build -c release --product broadsheet"
    swift build -c release --product broadsheet
    BIN="$(swift build -c release --show-bin-path)/broadsheet"
    PORT=$(free_port)
    # Access logging off, as nginx's is below (BENCH_LOG_LEVEL=info measures with it).
    BROADSHEET_LOG_LEVEL=${BENCH_LOG_LEVEL:-warning} BROADSHEET_HOST=127.0.0.1 BROADSHEET_PORT=$PORT BROADSHEET_CORPUS="$ROOT/seeds" \
        "$BIN" serve >"$WORK/server.log" 2>&1 &
    STARTED_PID=$!
    OURS_PID=$STARTED_PID
    OURS_URL="http://127.0.0.1:$PORT"
fi
echo "==> waiting for $OURS_URL/readyz"
for _ in $(seq 1 240); do
    read -r status _ < <(fetch "$OURS_URL/readyz" "$WORK/ready.body")
    [[ "$status" == 200 ]] && break
    if [[ -n "$STARTED_PID" ]] && ! kill -0 "$STARTED_PID" 2>/dev/null; then
        echo "server exited; log:" >&2; cat "$WORK/server.log" >&2; exit 1
    fi
    sleep 0.5
done
[[ "$status" == 200 ]] || { echo "server not ready" >&2; exit 1; }

# 2. The exact bodies and content types to serve from nginx.
mkdir -p "$WORK/www"
chmod 755 "$WORK/www"
read -r health_status health_type < <(fetch "$OURS_URL/healthz" "$WORK/www/healthz.body")
read -r list_status _ < <(fetch "$OURS_URL/v1/documents?limit=1" "$WORK/list.json")
[[ "$health_status" == 200 && "$list_status" == 200 ]] || { echo "healthz $health_status, documents $list_status" >&2; exit 1; }
DOC_ID=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["data"][0]["id"])' "$WORK/list.json")
DOC_PATH="/v1/documents/$DOC_ID"
read -r doc_status doc_type < <(fetch "$OURS_URL$DOC_PATH" "$WORK/www/document.body")
[[ "$doc_status" == 200 ]] || { echo "$DOC_PATH answered $doc_status" >&2; exit 1; }
chmod 644 "$WORK/www/"*.body
echo "healthz: $(wc -c <"$WORK/www/healthz.body") bytes ($health_type); $DOC_PATH: $(wc -c <"$WORK/www/document.body") bytes ($doc_type)"

# 3. nginx on another loopback port, comparable keep-alive settings.
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 60s;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx-tmp;
    proxy_temp_path $WORK/nginx-tmp;
    fastcgi_temp_path $WORK/nginx-tmp;
    uwsgi_temp_path $WORK/nginx-tmp;
    scgi_temp_path $WORK/nginx-tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location = /healthz { default_type "$health_type"; alias $WORK/www/healthz.body; }
        location = $DOC_PATH { default_type "$doc_type"; alias $WORK/www/document.body; }
    }
}
CONF
mkdir -p "$WORK/nginx-tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do
    read -r status nginx_type < <(fetch "$NGINX_URL/healthz" "$WORK/check.body")
    [[ "$status" == 200 ]] && break
    sleep 0.1
done
[[ "$status" == 200 ]] || { echo "nginx did not start:" >&2; cat "$WORK/nginx-error.log" >&2; exit 1; }
cmp -s "$WORK/check.body" "$WORK/www/healthz.body" || { echo "nginx serves different bytes" >&2; exit 1; }
[[ "$nginx_type" == "$health_type" ]] || { echo "nginx Content-Type '$nginx_type' differs from '$health_type'" >&2; exit 1; }

# 4. wrk runs. Each result line: case conns server req/s p50_ms p99_ms errors
# Parses wrk --latency output on stdin into: case conns server req/s p50_ms p99_ms errors
read -r -d '' PARSE_WRK <<'PY' || true
import re, sys
text = sys.stdin.read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = 0
for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"):
    match = re.search(pattern, text)
    if match:
        errors += sum(int(g) for g in match.groups())
print(sys.argv[1], sys.argv[2], sys.argv[3], f"{rps:.0f}", f"{p50:.3f}", f"{p99:.3f}", errors)
PY

run_wrk() {  # run_wrk CASE PATH CONNS THREADS SERVER URL
    wrk -t "$4" -c "$3" -d "$DURATION" --latency "$6$2" | python3 -c "$PARSE_WRK" "$1" "$3" "$5"
}

RESULTS="$WORK/results.txt"
: >"$RESULTS"
for case_spec in "healthz /healthz" "document $DOC_PATH"; do
    read -r case_name case_path <<<"$case_spec"
    for load in "64 2" "1 1"; do
        read -r conns threads <<<"$load"
        # Alternate the two servers round by round, so that a change in background load hits both alike.
        for round in $(seq 1 "$ROUNDS"); do
            for server in ours nginx; do
                if [[ $server == ours ]]; then url=$OURS_URL; else url=$NGINX_URL; fi
                echo "==> wrk $case_name, $conns connection(s), $server, round $round of $ROUNDS"
                run_wrk "$case_name" "$case_path" "$conns" "$threads" "$server" "$url" | tee -a "$RESULTS"
            done
        done
    done
done

RSS_KB=""
if [[ -n "$OURS_PID" && -r /proc/$OURS_PID/status ]]; then
    RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$OURS_PID/status")
fi

# 5. The table.
python3 - "$RESULTS" "${RSS_KB:-}" "$DURATION" "$ROUNDS" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    case, conns, server, rps, p50, p99, errors = line.split()
    runs.setdefault((case, int(conns), server), []).append((float(rps), float(p50), float(p99), int(errors)))
# Median of each figure over the rounds; errors summed.
rows = {
    key: (statistics.median(r[0] for r in values), statistics.median(r[1] for r in values),
          statistics.median(r[2] for r in values), sum(r[3] for r in values))
    for key, values in runs.items()
}
print()
print(f"Broadsheet vs nginx (same bytes), wrk --latency, {sys.argv[3]} per run, median of {sys.argv[4]} alternating rounds")
header = f"{'case':<9} {'conns':>5} | {'ours req/s':>10} {'p50 ms':>8} {'p99 ms':>8} | {'nginx req/s':>11} {'p50 ms':>8} {'p99 ms':>8} | {'ratio':>6} {'target':>7} | {'p99<10ms':>8} | errors"
print(header)
print("-" * len(header))
verdicts = []
for case in ("healthz", "document"):
    for conns in (64, 1):
        ours, nginx = rows.get((case, conns, "ours")), rows.get((case, conns, "nginx"))
        if not ours or not nginx:
            continue
        ratio = ours[0] / nginx[0] if nginx[0] else 0.0
        target = 0.5 if conns == 64 else 0.4
        ratio_ok = ratio >= target
        p99_ok = ours[2] < 10.0
        verdicts += [ratio_ok, p99_ok]
        print(f"{case:<9} {conns:>5} | {ours[0]:>10.0f} {ours[1]:>8.3f} {ours[2]:>8.3f} | {nginx[0]:>11.0f} {nginx[1]:>8.3f} {nginx[2]:>8.3f} | "
              f"{ratio:>5.2f}x {'>=' + str(target) + 'x':>7} | {'ok' if p99_ok else 'MISS':>8} | {ours[3]}/{nginx[3]}"
              + ("" if ratio_ok else "  (ratio MISS)"))
rss = sys.argv[2]
if rss:
    mb = int(rss) / 1024
    verdicts.append(mb < 50)
    print(f"\npeak RSS of our server (VmHWM): {mb:.1f} MB (target < 50 MB: {'ok' if mb < 50 else 'MISS'})")
else:
    print("\npeak RSS of our server: unknown (set OURS_PID)")
print(f"targets met: {sum(verdicts)} of {len(verdicts)}")
PY
