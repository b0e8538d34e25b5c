#!/usr/bin/env bash
# Search benchmark: our index vs Tantivy and SQLite FTS5 on the same generated corpus and queries.
# Usage: Benchmarks/search.sh [--articles N] [--queries N]   (default 100,000 articles ≈ 200 MB)
# Needs python3 (with sqlite3/FTS5) and network access to PyPI the first time (tantivy, in a
# throwaway venv: $BENCH_VENV, default /tmp/broadsheet-bench-venv). Set SKIP_FTS5=1 to skip FTS5.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${BENCH_OUT:-Benchmarks/out/search}"
VENV="${BENCH_VENV:-/tmp/broadsheet-bench-venv}"
mkdir -p "$OUT"
swift build -c release --product broadsheet-bench
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet tantivy
fi
# The comparison starts our benchmark and keeps it running, to time it taking turns with Tantivy.
"$VENV/bin/python" Benchmarks/search_compare.py "$OUT" .build/release/broadsheet-bench search --out "$OUT" --serve "$@"
