#!/usr/bin/env bash
# Fuzzes the parsers that the write API opens to the network, with libFuzzer (not part of CI's run).
#
#   scripts/fuzz.sh [RUNS]          # each target RUNS inputs (default 10,000,000), then stops
#   FUZZ_SECONDS=600 scripts/fuzz.sh  # or at most this long per target
#
# Targets (Fuzz/): FuzzHTTPParser (the HTTP/1.1 request parser, whole and split input must agree)
# and FuzzArticleParser (format detection, JSON, NDJSON, front matter, wrapped and blank-line text,
# checking every parsed document's invariants). Seeds: Fuzz/Seeds/http and the article fixtures of
# the tests. Corpora grow in .build-fuzz/corpus-*; a crash, hang (10 s) or leak stops the run with
# the input saved as .build-fuzz/crash-* (turn it into a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10000000}
SCRATCH=.build-fuzz
for target in FuzzHTTPParser FuzzArticleParser; do
    swift build -c release --scratch-path "$SCRATCH" --product "$target" \
        -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
done
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
mkdir -p "$SCRATCH/corpus-http" "$SCRATCH/corpus-articles"
cp Fuzz/Seeds/http/* "$SCRATCH/corpus-http/"
find Tests/BroadsheetCoreTests/Fixtures Tests/BroadsheetExtractionTests/Fixtures -type f -size -64k \
    -exec cp {} "$SCRATCH/corpus-articles/" \; 2>/dev/null || true
run() {  # run TARGET CORPUS MAX_LEN
    echo "==> $1: $RUNS inputs"
    # Swift's own backtracer would exit before libFuzzer saves the crashing input.
    (cd "$SCRATCH" && SWIFT_BACKTRACE=enable=no "$BIN/$1" -runs="$RUNS" -max_total_time="${FUZZ_SECONDS:-0}" -max_len="$3" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="crash-$1-" -print_final_stats=1 "$2")
}
run FuzzHTTPParser corpus-http 4096
run FuzzArticleParser corpus-articles 16384
