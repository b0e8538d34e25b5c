#!/usr/bin/env bash
# Broadsheet's whole test command: build, unit and end-to-end tests, the explorer in headless
# Chromium, Dockerfile lint, and an OpenAPI conformance run of schemathesis against the real server
# on the seed corpus.
#
# It installs nothing: `.ci/run` (or you) provides swift, hadolint, schemathesis, chromium,
# chromium-driver and python3-selenium. Tools are
# looked up on PATH first, then in the .venv-ci virtualenv that .ci/run creates.
#
# Environment:
#   SCHEMATHESIS_MAX_EXAMPLES  examples per operation (default 40)
#   SCHEMATHESIS_MAX_TIME      optional time budget in seconds (schemathesis then keeps fuzzing
#                              until it is spent)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV_BIN="$ROOT/.venv-ci/bin"

declare -a STEP_NAMES=() STEP_RESULTS=()
FAILED=0
SERVER_PID=""
SERVER_LOG=""

record() {  # record NAME STATUS
    STEP_NAMES+=("$1")
    STEP_RESULTS+=("$2")
    if [[ "$2" != PASS ]]; then FAILED=1; fi
}

summary() {
    echo
    echo "==================== test-all summary ===================="
    local i passed=0 failed=0
    for i in "${!STEP_NAMES[@]}"; do
        printf '  %-44s %s\n' "${STEP_NAMES[$i]}" "${STEP_RESULTS[$i]}"
        if [[ "${STEP_RESULTS[$i]}" == PASS ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    done
    echo "=========================================================="
    echo "test-all: $passed of $((passed + failed)) steps passed"
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

cleanup() {
    stop_server
    if [[ -n "$SERVER_LOG" ]]; then rm -f "$SERVER_LOG"; fi
}
trap cleanup EXIT

find_tool() {  # find_tool NAME -> path on stdout, or nothing
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"
    elif [[ -x "$VENV_BIN/$1" ]]; then echo "$VENV_BIN/$1"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

http_status() {  # http_status URL -> status code, or 000 when nothing answers
    python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        print(response.status)
except urllib.error.HTTPError as error:
    print(error.code)
except Exception:
    print("000")
PY
}

step() {  # step NAME COMMAND... : runs the command, records PASS or FAIL
    local name=$1
    shift
    echo
    echo "==> $name"
    if "$@"; then record "$name" PASS; else record "$name" "FAIL (exit $?)"; fi
}

# 1. Build everything, tests included, and fail on any compiler warning in our own code.
echo "==> swift build --build-tests"
BUILD_LOG=$(mktemp)
if ! swift build --build-tests 2>&1 | tee "$BUILD_LOG"; then
    record "swift build --build-tests" FAIL
    summary
    exit 1
fi
record "swift build --build-tests" PASS

# A warning in Sources/, Tests/ or Benchmarks/ (not in dependencies' checkouts) fails the run. This is a
# check of the build output rather than -warnings-as-errors (unsafeFlags would stop the package being
# used as a dependency, and would break release and Docker builds on a new compiler's new warning).
# CI builds a fresh clone, so every file is compiled and checked; an incremental local build prints
# (and so checks) the warnings of the files it recompiles, which include any file just changed.
echo
echo "==> compiler warnings in Sources/, Tests/, Benchmarks/"
WARNINGS=$(grep -E "^$ROOT/(Sources|Tests|Benchmarks)/[^:]+:[0-9]+:[0-9]+: warning:" "$BUILD_LOG" | sort -u || true)
rm -f "$BUILD_LOG"
if [[ -n "$WARNINGS" ]]; then
    echo "$WARNINGS"
    record "no compiler warnings" "FAIL ($(wc -l <<<"$WARNINGS") warning(s))"
else
    echo "none"
    record "no compiler warnings" PASS
fi

# 2. Unit and end-to-end tests, one at a time, so that no test's timing depends on what else runs.
#    A plain parallel `swift test` passes too (the suites that talk to servers, and the seconds-long
#    index suites, run off Swift's cooperative pool: see Tests/TestSupport/OffCooperativePool.swift).
step "swift test" swift test --skip-build --no-parallel

# 3. The explorer in a real headless browser (scripts/browser-tests.sh starts its own server).
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && /usr/bin/python3 -c "import selenium" 2>/dev/null; then
    step "explorer in headless Chromium" bash scripts/browser-tests.sh
else
    record "explorer in headless Chromium" "FAIL (chromium, chromium-driver or python3-selenium missing; run .ci/run)"
fi

# 4. Dockerfile lint.
HADOLINT=$(find_tool hadolint)
if [[ -z "$HADOLINT" ]]; then
    record "hadolint Dockerfile" "FAIL (hadolint not installed; run .ci/run)"
else
    step "hadolint Dockerfile" "$HADOLINT" Dockerfile
fi

# 5. OpenAPI conformance: start the real server on the seed corpus, fuzz it, stop it with SIGTERM.
schemathesis_step() {
    local schemathesis port bin status waited=0
    schemathesis=$(find_tool schemathesis)
    if [[ -z "$schemathesis" ]]; then
        echo "schemathesis is not installed; run .ci/run"
        return 1
    fi
    bin=$(swift build --show-bin-path)/broadsheet
    port=$(free_port)
    SERVER_LOG=$(mktemp)
    DATA_DIR=$(mktemp -d)
    # Writes enabled with a key that schemathesis sends, so the write operations are exercised for
    # real (it drops the header itself to check the 401s); a data folder of its own.
    BROADSHEET_HOST=127.0.0.1 BROADSHEET_PORT=$port BROADSHEET_CORPUS="$ROOT/seeds" BROADSHEET_DATA="$DATA_DIR" \
        BROADSHEET_API_KEYS=schemathesis-key \
        "$bin" serve >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    echo "server pid $SERVER_PID on 127.0.0.1:$port"
    until [[ "$(http_status "http://127.0.0.1:$port/readyz")" == 200 ]]; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null || (( waited >= 240 )); then
            echo "server did not become ready (waited $((waited / 2)) s; it is alive: $(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo no)); its log:"
            cat "$SERVER_LOG"
            stop_server
            return 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done

    local result=0 workdir
    # Every check runs (`--checks all`: server errors, status codes, content types, headers and
    # bodies against the schema, 4xx for schema-violating input, 405 + Allow for undeclared
    # methods, ...) but positive_data_acceptance: the API rightly answers some schema-valid
    # inputs with a documented 400 (search syntax errors such as an unclosed quote, impossible
    # dates such as 2025-02-30), which that check counts as failures. It runs in a scratch folder so that its .hypothesis/.schemathesis folders
    # do not land in the clone.
    workdir=$(mktemp -d)
    local time_budget=()
    if [[ -n "${SCHEMATHESIS_MAX_TIME:-}" ]]; then time_budget=(--max-time "$SCHEMATHESIS_MAX_TIME"); fi
    (cd "$workdir" && "$schemathesis" run "http://127.0.0.1:$port/openapi.yaml" \
        --url "http://127.0.0.1:$port" \
        --header "Authorization: Bearer schemathesis-key" \
        --checks all \
        --exclude-checks positive_data_acceptance \
        --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-40}" \
        "${time_budget[@]}" \
        --request-timeout 10 \
        --generation-database none \
        --seed 20261128 \
        --workers 2 \
        --no-color) || result=$?
    rm -rf "$workdir" "$DATA_DIR"

    kill -TERM "$SERVER_PID"
    status=0
    wait "$SERVER_PID" || status=$?
    SERVER_PID=""
    if (( status != 0 )); then
        echo "server exited with status $status after SIGTERM (want 0); its log:"
        tail -n 50 "$SERVER_LOG"
        result=1
    else
        echo "server exited 0 after SIGTERM"
    fi
    return "$result"
}
step "schemathesis (OpenAPI conformance) + SIGTERM" schemathesis_step

summary
exit "$FAILED"
