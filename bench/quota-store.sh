#!/usr/bin/env bash
# Quota store throughput and latency against a local redis-server (the embedded binary).
# Usage: bench/quota-store.sh [callers=16] [seconds=10]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath stream-counter)
exec "$JAVA_HOME/bin/java" -cp "$classpath" \
  ae.rta.cctv.streamcounter.bench.QuotaStoreBenchmark "$@"
