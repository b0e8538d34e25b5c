#!/usr/bin/env bash
# Ingest benchmark: a first `serve --corpus` over N generated articles in one NDJSON file, a restart
# on the same data folder, then writes over HTTP (NDJSON batches of 100 from two clients, and
# single articles) while a third client probes /healthz. Prints each figure beside its target.
#
# Usage: Benchmarks/ingest.sh [--articles N] [--batch-articles N]
#   --articles        articles in the NDJSON file served at start (default 100,000 ≈ 240 MB)
#   --batch-articles  articles POSTed in batches of 100 afterwards (default 20,000)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=100000
BATCH_ARTICLES=20000
while (( $# > 0 )); do
    case "$1" in
        --articles) ARTICLES=$2; shift 2 ;;
        --batch-articles) BATCH_ARTICLES=$2; shift 2 ;;
        *) echo "unknown option $1"; exit 2 ;;
    esac
done
OUT="${BENCH_OUT:-Benchmarks/out/ingest}"
mkdir -p "$OUT/corpus"
swift build -c release --product broadsheet >/dev/null
swift build -c release --product broadsheet-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)
FEED="$OUT/corpus/articles.ndjson"
if [[ ! -f "$FEED" || "$(wc -l <"$FEED")" -ne "$ARTICLES" ]]; then
    "$BIN/broadsheet-bench" ndjson --articles "$ARTICLES" --out "$FEED"
fi
"$BIN/broadsheet-bench" ndjson --articles "$BATCH_ARTICLES" --first 10000000 --seed 7 --out "$OUT/posted.ndjson" >/dev/null
echo "corpus: $ARTICLES articles, $(du -m "$FEED" | cut -f1) MB in one NDJSON file"
rm -rf "$OUT/data"
exec python3 Benchmarks/ingest_load.py --bin "$BIN/broadsheet" --corpus "$OUT/corpus" --data "$OUT/data" \
    --posted "$OUT/posted.ndjson" --articles "$ARTICLES"
