#!/usr/bin/env bash
# Live latency in a real browser: Debian's Chromium plays the MSE WebSocket of one RTSP camera through the live
# service and reports how far each presented frame trails the server's ingest of it (p50/p95/p99, ms).
# Usage: bench/live-browser-latency.sh [seconds=30] [bitrateKbps=1500]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds=${1:-30}
command -v chromium >/dev/null || apt_install chromium
(cd bench/browser && [[ -d node_modules/playwright-core ]] || npm install --no-audit --no-fund --silent)
classpath=$(bench_classpath live)
fifo=$(mktemp -u); mkfifo "$fifo"
"$JAVA_HOME/bin/java" -Dlogging.level.root=WARN -cp "$classpath" ae.rta.cctv.live.it.LiveBrowserFixture "${2:-1500}" >"$fifo" 2>/dev/null &
fixture=$!
trap 'kill $fixture 2>/dev/null; rm -f "$fifo"' EXIT
url=""
while read -r line; do
  [[ $line == MSE=* ]] && { url=${line#MSE=}; break; }
done <"$fifo"
[[ -n $url ]] || { say "the live system did not start"; exit 1; }
exec 3<"$fifo" # keep the fixture's output drained
node bench/browser/mse-latency.mjs "$url" "$seconds"
