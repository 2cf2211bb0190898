#!/usr/bin/env bash
# The posting benchmark at steady state (BENCHMARKS.md, section 4): start the packaged service on a
# fresh schema, set up a merchant with 10,000 members, then run wrk for 30 s per entry of LOADS
# (connections; default "32 32 32 32 32 16": the first four are the JIT's warm-up, about 2 minutes)
# and print, per run, throughput, latency, and the CPU the service, PostgreSQL and wrk used per
# posting. Arguments NAME=VALUE are environment settings for the service (JIFEN_POSTINGS_LANES=0),
# the others PostingLoad options for the merchant (--tier REGULAR, --daily-cap 3000, ...).
#   examples/load/steady-postings.sh APP_DIR LABEL [NAME=VALUE | --option value ...]
# APP_DIR is a copy of admin-api/target/jifen-app (the jar and lib/); run `./mvnw -B -q -pl engine,rules,examples
# dependency:build-classpath -Dmdep.outputFile=/tmp/ex.cp` once first. Talks only to 127.0.0.1.
set -euo pipefail
app="$1"; label="$2"; shift 2
settings=(); options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*) options+=("$1" "$2"); shift 2 ;;
    *=*) settings+=("$1"); shift ;;
    *) echo "not NAME=VALUE nor --option value: $1" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/../.."
source examples/load/service-under-load.sh
start_service "$app" "/tmp/steady-$label.log" ${settings[@]+"${settings[@]}"}
setup_merchant ${options[@]+"${options[@]}"}
ticks=$(getconf CLK_TCK)
cpu() { # CPU seconds so far: the service, all PostgreSQL processes
  local j p=0 q
  j=$(awk '{print $14 + $15}' /proc/$pid/stat)
  for q in $(pgrep -x postgres); do p=$((p + $(awk '{print $14 + $15}' /proc/$q/stat 2>/dev/null || echo 0))); done
  echo "$j $p"
}
i=0
for c in ${LOADS:-32 32 32 32 32 16}; do
  i=$((i + 1))
  read -r j0 p0 < <(cpu)
  out=$( { /usr/bin/time -f "WRK_CPU %U %S" env RUN="s$c-$i" wrk -t2 -c"$c" -d30s -s examples/load/purchases.lua http://127.0.0.1:8090; } 2>&1 )
  read -r j1 p1 < <(cpu)
  echo "$out" | grep 'non-201' | sed "s/^/$label run $i c$c: /"
  n=$(echo "$out" | grep -o 'requests [0-9][0-9]*' | head -1 | awk '{print $2}')
  w=$(echo "$out" | grep WRK_CPU | awk '{print $2 + $3}')
  awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v t="$ticks" -v n="$n" -v w="$w" -v l="$label run $i c$c" 'BEGIN {
    printf "%s: CPU per posting: service %.0f us, PostgreSQL %.0f us, wrk %.0f us (busy %.1f of 60 core-s)\n",
      l, j / t * 1e6 / n, p / t * 1e6 / n, w * 1e6 / n, j / t + p / t + w }'
done
