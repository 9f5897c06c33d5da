#!/usr/bin/env bash
# Playback of an imported hour: our answer + playlist (p50/p95 over N requests) against an FFmpeg transmux of the
# same hour to HLS, in one run. Usage: bench/playback.sh [requests=100]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath playback)
exec "$JAVA_HOME/bin/java" -Xmx2g -Dlogging.level.root=WARN -cp "$classpath" \
  ae.rta.cctv.playback.bench.PlaybackBenchmark "$@"
