#!/usr/bin/env bash
# Upstream playback: the first answer for ranges storage lacks (fetched from the demo simulator's replay) against the
# same answer from the cache. Usage: bench/playback-upstream.sh [ranges=5] [repeats=20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath playback)
exec "$JAVA_HOME/bin/java" -Xmx2g -Dlogging.level.root=WARN -cp "$classpath" \
  ae.rta.cctv.playback.it.UpstreamBenchmark "$@"
