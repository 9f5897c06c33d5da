#!/usr/bin/env bash
# CPU cost of the demo cameras (the vms simulator) while every main stream is pulled, and their first-start encode time.
# Usage: bench/simulator-cpu.sh [cameras=12] [seconds=30]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath vms)
exec "$JAVA_HOME/bin/java" -cp "$classpath" \
  ae.rta.cctv.vms.bench.SimulatorCpuBenchmark "$@"
