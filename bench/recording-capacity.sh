#!/usr/bin/env bash
# How many simulated 1 Mbit/s 25 fps cameras this machine records at once with no gaps, and CPU and memory per camera.
# Usage: bench/recording-capacity.sh [cameras=50] [minutes=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p; /^find_jdk()/,/^}/p; /^say()/p' cctv)
find_jdk
./mvnw -B -q --no-transfer-progress install -DskipTests -Dskip.npm -pl recording -am
./mvnw -B -q --no-transfer-progress -pl recording dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "recording/target/test-classes:recording/target/classes:$(cat recording/target/bench.classpath)" \
  ae.rta.cctv.recording.bench.RecordingCapacityBenchmark "$@"
