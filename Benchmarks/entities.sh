#!/usr/bin/env bash
# Entity extraction throughput (release build, one core). Usage: Benchmarks/entities.sh [--mb 20] [--seed 42]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product broadsheet-bench 2>&1 | grep -E "error|Compiling|Build" || true
.build/release/broadsheet-bench entities "$@"
