#!/usr/bin/env bash
# Authenticated GET /api/v1/me and GET /api/v1/cameras, open loop, against the vms and api services started from the
# launcher jar with embedded PostgreSQL and Redis (a fresh data directory, ports 18081/18088 so it can run beside a
# running system).
# Usage: bench/api-read.sh [rate=500] [seconds=20] [users=20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
./cctv build >/dev/null
classpath=$(bench_classpath api)

data=$(mktemp -d)
password=bench-demo-password
CCTV_DEMO_PASSWORD=$password CCTV_VMS_PORT=18081 CCTV_API_PORT=18088 CCTV_LOG_FORMAT= \
  "$JAVA_HOME/bin/java" -jar launcher/target/cctv.jar --services=vms,api --data-dir="$data" >"$data/system.log" 2>&1 &
system=$!
trap 'kill $system 2>/dev/null; wait $system 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:18088/health >/dev/null 2>&1 && break
  kill -0 $system 2>/dev/null || { cat "$data/system.log"; exit 1; }
  sleep 1
done
"$JAVA_HOME/bin/java" -cp "$classpath" \
  ae.rta.cctv.api.bench.ApiReadBenchmark http://127.0.0.1:18088 "$password" "$@"
