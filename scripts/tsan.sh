#!/usr/bin/env bash
# The HTTP and end-to-end suites under ThreadSanitizer: the server's event loops, accept queue,
# shutdown and the handlers' shared state (corpus, response cache, search scratch pool) race-checked.
#
#   bash scripts/tsan.sh                    # build (own scratch folder, .build/tsan) and run both suites
#   bash scripts/tsan.sh HTTPServerTests    # a narrower --filter
#
# Not part of CI's default run (scripts/test-all.sh): a sanitized build of the package takes several
# minutes more. It fails when a test fails or ThreadSanitizer reports anything. Broadsheet's one lock
# type is BroadsheetSync.Locked (a pthread mutex): Synchronization.Mutex waits on a futex that
# ThreadSanitizer cannot see, so everything it guards would be reported as a race.
set -euo pipefail

cd "$(dirname "$0")/.."
FILTER=${1:-'BroadsheetHTTPTests|EndToEndTests'}
SCRATCH=.build/tsan
LOG=$(mktemp /tmp/broadsheet-tsan.XXXXXX)
trap 'rm -f "$LOG"' EXIT

echo "==> swift build --build-tests --sanitize=thread --scratch-path $SCRATCH"
swift build --build-tests --sanitize=thread --scratch-path "$SCRATCH"

echo "==> swift test --sanitize=thread --filter '$FILTER'"
status=0
# halt_on_error=0: report every race, not just the first; the run fails on any report below.
TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
    swift test --skip-build --sanitize=thread --scratch-path "$SCRATCH" --filter "$FILTER" 2>&1 | tee "$LOG" \
    || status=$?
reports=$(grep -c "WARNING: ThreadSanitizer" "$LOG" || true)
echo
echo "tsan: test exit status $status, $reports ThreadSanitizer report(s)"
if (( status != 0 || reports > 0 )); then exit 1; fi
