#!/usr/bin/env bash
# How many simulated 1 Mbit/s 25 fps cameras this machine records at once with no gaps, and CPU and memory per camera.
# Usage: bench/recording-capacity.sh [cameras=50] [minutes=3]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath recording)
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" \
  ae.rta.cctv.recording.bench.RecordingCapacityBenchmark "$@"
