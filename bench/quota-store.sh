#!/usr/bin/env bash
# Quota store throughput and latency against a local redis-server (the embedded binary).
# Usage: bench/quota-store.sh [callers=16] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p; /^find_jdk()/,/^}/p; /^say()/p' cctv)
find_jdk
./mvnw -B -q --no-transfer-progress install -DskipTests -Dskip.npm -pl stream-counter -am
./mvnw -B -q --no-transfer-progress -pl stream-counter dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -cp "stream-counter/target/test-classes:stream-counter/target/classes:$(cat stream-counter/target/bench.classpath)" \
  ae.rta.cctv.streamcounter.bench.QuotaStoreBenchmark "$@"
