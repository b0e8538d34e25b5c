#!/usr/bin/env bash
# NDJSON loading time and peak memory (release build). Usage: Benchmarks/load.sh [--mb 240] [--file PATH] [--padding]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product broadsheet-bench 2>&1 | grep -E "error|Compiling|Build" || true
.build/release/broadsheet-bench load "$@"
