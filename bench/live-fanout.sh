#!/usr/bin/env bash
# Live fan-out: N WebSocket viewers of one RTSP camera through the live service (one pull), measured per N.
# Usage: bench/live-fanout.sh [viewerCounts=100,250,500,1000] [measureSeconds=10] [bitrateKbps=2000]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath live)
exec "$JAVA_HOME/bin/java" -Xmx4g -XX:+UseParallelGC -Dlogging.level.root=WARN -Dlogging.level.ae.rta.cctv.live.adapter.in.web=INFO -cp "$classpath" \
  ae.rta.cctv.live.it.LiveFanoutBenchmark "$@"
