#!/usr/bin/env bash
# Import speed: an hour of 640x360 H.264 imported into the storage service (launcher jar, embedded PostgreSQL,
# filesystem store in a fresh folder), next to FFmpeg alone cutting the same file.
# Usage: bench/import.sh [minutes=60]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
./cctv build >/dev/null
classpath=$(bench_classpath storage)

data=$(mktemp -d)
secret=import-bench-secret-0123456789abcdef0123456789
CCTV_SERVICE_SECRET=$secret CCTV_STORAGE_PORT=18082 CCTV_LOG_FORMAT= \
  "$JAVA_HOME/bin/java" -jar launcher/target/cctv.jar --services=storage --data-dir="$data" >"$data/system.log" 2>&1 &
system=$!
trap 'kill $system 2>/dev/null; wait $system 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:18082/health >/dev/null 2>&1 && break
  kill -0 $system 2>/dev/null || { cat "$data/system.log"; exit 1; }
  sleep 1
done
"$JAVA_HOME/bin/java" -cp "$classpath" \
  ae.rta.cctv.storage.bench.ImportBenchmark http://127.0.0.1:18082 "$secret" "$@"
