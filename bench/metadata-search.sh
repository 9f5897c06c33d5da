#!/usr/bin/env bash
# Full-text search with 100,000 incidents and 100,000 bookmarks: the vms, metadata and api services from the launcher
# jar with embedded PostgreSQL and Redis (a fresh data directory, ports 18081/18084/18088 so it can run beside a
# running system), seeded through the metadata service, then searched through the api and straight.
# Usage: bench/metadata-search.sh [incidents=100000] [bookmarks=100000] [searches=2000]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
./cctv build >/dev/null
classpath=$(bench_classpath metadata)

data=$(mktemp -d)
password=bench-demo-password
secret=search-bench-secret-0123456789abcdef0123456789
CCTV_DEMO_PASSWORD=$password CCTV_SERVICE_SECRET=$secret CCTV_VMS_PORT=18081 CCTV_METADATA_PORT=18084 CCTV_API_PORT=18088 \
  CCTV_API_RATE_LIMIT_USER_PER_SECOND=100000 CCTV_API_RATE_LIMIT_USER_BURST=100000 CCTV_LOG_FORMAT= \
  "$JAVA_HOME/bin/java" -jar launcher/target/cctv.jar --services=vms,metadata,api --data-dir="$data" >"$data/system.log" 2>&1 &
system=$!
trap 'kill $system 2>/dev/null; wait $system 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:18088/health >/dev/null 2>&1 && curl -fs http://127.0.0.1:18084/health >/dev/null 2>&1 && break
  kill -0 $system 2>/dev/null || { cat "$data/system.log"; exit 1; }
  sleep 1
done
"$JAVA_HOME/bin/java" -cp "$classpath" \
  ae.rta.cctv.metadata.bench.SearchBenchmark http://127.0.0.1:18088 http://127.0.0.1:18084 "$secret" "$password" "$@"
curl -fs http://127.0.0.1:18084/metrics | grep -E '^cctv_metadata_search_seconds_(count|sum)' || true
