#!/usr/bin/env bash
# CPU cost of the demo cameras (the vms simulator) while every main stream is pulled, and their first-start encode time.
# Usage: bench/simulator-cpu.sh [cameras=12] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p; /^find_jdk()/,/^}/p; /^say()/p' cctv)
find_jdk
./mvnw -B -q --no-transfer-progress install -DskipTests -Dskip.npm -pl vms -am
./mvnw -B -q --no-transfer-progress -pl vms dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -cp "vms/target/test-classes:vms/target/classes:$(cat vms/target/bench.classpath)" \
  ae.rta.cctv.vms.bench.SimulatorCpuBenchmark "$@"
