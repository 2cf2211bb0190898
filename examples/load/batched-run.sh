#!/usr/bin/env bash
# One measured wrk run with the batch counters (BENCHMARKS.md, section 4, "lanes"): start the packaged
# service on a fresh schema with the given settings, set up a merchant with 10,000 members, warm up
# with wrk for WARM seconds (default 90), then run wrk for 30 s at C connections (default 32) and print
# how many postings and how many committed batches of two or more those 30 s saw (a posting alone in
# its batch runs on its own and is not counted as a batch).
#   WARM=90 C=32 examples/load/batched-run.sh APP_DIR [NAME=VALUE ...]     e.g. JIFEN_POSTINGS_LANES=4
# Needs /tmp/ex.cp as steady-postings.sh does. Talks only to 127.0.0.1. Its log: /tmp/batched-run.log.
set -euo pipefail
app="$1"; shift
cd "$(dirname "$0")/../.."
source examples/load/service-under-load.sh
start_service "$app" /tmp/batched-run.log "$@"
setup_merchant --tier REGULAR
RUN=warm wrk -t2 -c32 -d"${WARM:-90}"s -s examples/load/purchases.lua http://127.0.0.1:8090 > /dev/null
counters() {
  curl -s 127.0.0.1:8090/q/metrics | awk '/^jifen_posting_batches_total\{outcome="committed"/ {b += $2}
    /^jifen_postings_seconds_count/ {p += $2} END {printf "%d %d\n", b, p}'
}
read -r b0 p0 < <(counters)
RUN=measured wrk -t2 -c"${C:-32}" -d30s -s examples/load/purchases.lua http://127.0.0.1:8090 | grep non-201
read -r b1 p1 < <(counters)
echo "postings $((p1 - p0)), committed batches $((b1 - b0))"
