#!/usr/bin/env bash
# The impact-simulation benchmark (BENCHMARKS.md, section 9), in one service run:
#  1. starts the packaged service on a fresh schema (port 8093, -Xmx512m, GC log), with the Fresh Harbour
#     example merchant (reference program live, point value 0.01 CNY);
#  2. seeds its history straight into the database: 1,000,000 purchases and events of 50,000 members over
#     the year 2025-12-01 .. 2026-12-01, each with its request, StoredContext and posted result
#     (io.jifen.admin.simulation.bench.SeedHistory);
#  3. replays the year on a candidate (member day at triple points) through the API, alone: baseline as
#     posted twice (the first run compiles the draft in a JVM that has not replayed yet), then baseline
#     version 1 (every transaction evaluated twice) (io.jifen.admin.simulation.bench.SimulationBench);
#  4. postings A/B: wrk posts purchases for another merchant (10,000 members) for 30 s alone (A), then 30 s
#     while a simulation runs (B), ROUNDS times (default 3), then a last A, after a 60-s warm-up: each B is
#     compared with the mean of the A before and after it (the history of the posting merchant's members
#     grows, so throughput drifts down over the run); a B counts only if the simulation was still RUNNING
#     when wrk ended;
#  5. a pgbench yardstick before and after; the GC log's peak heap for the replays and for the A/B;
#  then stops the service and drops the schema and the pgbench database.
#   examples/load/simulation-bench.sh APP_DIR LABEL [NAME=VALUE ...]   (e.g. JIFEN_SIMULATION_THREADS=2)
# APP_DIR is a copy of admin-api/target/jifen-app (the jar and lib/). First, once:
#   ./mvnw -B -q -pl admin-api -am package dependency:build-classpath -DskipTests -Dconsole.skip=true \
#       -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
#   cp -r admin-api/target/jifen-app /tmp/sim-app
# (package compiles the test classes too; each module's class path lands in its target/cp.txt).
# Needs wrk and pgbench. Talks only to 127.0.0.1.
set -euo pipefail
app="$1"; label="$2"; shift 2
cd "$(dirname "$0")/../.."
schema="sim_bench_$$"; port=8093; log="/tmp/simbench-$label.log"; gclog="/tmp/simbench-$label-gc.log"
tcp="admin-api/target/test-classes:admin-api/target/classes:$(cat admin-api/target/cp.txt)"
excp="$(cat examples/target/cp.txt):examples/target/classes"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade"
env "$@" JIFEN_DB_SCHEMA=$schema JIFEN_SEED_EXAMPLE=true JIFEN_LEDGER_JOBS_EVERY=off JIFEN_HTTP_PORT=$port \
  java -Xmx512m "-Xlog:gc:file=$gclog" -jar "$app/jifen-admin-api.jar" > "$log" 2>&1 &
pid=$!
cleanup() {
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "pgbench_sim_$$" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf 127.0.0.1:$port/q/health/ready > /dev/null && break; sleep 1; done # waiting for the process to come up
# three example merchants are seeded: Fresh Harbour's MARKETING key is the one after its line
key=$(grep -A3 'example merchant `fresh-harbour`' "$log" | grep -o 'MARKETING  jf_[A-Za-z0-9_-]*' | head -1 | awk '{print $2}')
uptime_s() { jcmd $pid VM.uptime | tail -1 | awk '{print $1}'; }
peak() { # the largest heap before a GC between two JVM uptimes (seconds), in MB
  awk -v a="$1" -v b="$2" -F'[][]' '/Pause/ { t = $2; sub(/s$/, "", t); if (t + 0 >= a && t + 0 <= b) {
    match($0, /[0-9]+M->/); v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > m) m = v } } END { print m + 0 }' "$gclog"
}
yardstick() {
  echo "$label yardstick $1: $(pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T 20 "pgbench_sim_$$" 2>/dev/null | grep -o 'tps = [0-9.]*')"
}

java -cp "$tcp" io.jifen.admin.simulation.bench.SeedHistory --schema $schema --merchant fresh-harbour \
  --transactions ${TRANSACTIONS:-1000000} --members 50000 --from 2025-12-01 --days 365 | tail -1
createdb -h 127.0.0.1 -U postgres "pgbench_sim_$$" && pgbench -h 127.0.0.1 -U postgres -i -s 10 -q "pgbench_sim_$$" 2>/dev/null
yardstick before; uptime

t0=$(uptime_s)
for run in "posted (cold)" "posted" "baseline version 1"; do
  extra=(); [ "$run" = "baseline version 1" ] && extra=(--baseline 1)
  echo "$label replay, $run:"
  java -cp "$tcp" io.jifen.admin.simulation.bench.SimulationBench --url http://127.0.0.1:$port --key "$key" ${extra[@]+"${extra[@]}"} \
    | grep -E '^(run|report| points| members|error)' | sed 's/^/  /'
done
t1=$(uptime_s)
echo "$label peak heap during the replays: $(peak "$t0" "$t1") MB (-Xmx512m)"
grep 'transactions replayed' "$log" | sed "s/^.*simulation /$label service log: simulation /"

eval "export $(java -cp "$excp" io.jifen.examples.load.PostingLoad --url http://127.0.0.1:$port --members 10000 \
  --tier REGULAR --setup-only true | grep MERCHANT)"
RUN=warm wrk -t2 -c16 -d60s -s examples/load/purchases.lua http://127.0.0.1:$port > /dev/null
t2=$(uptime_s)
for round in $(seq 1 "${ROUNDS:-3}"); do
  a=$(RUN=a$round wrk -t2 -c16 -d30s -s examples/load/purchases.lua http://127.0.0.1:$port)
  echo "$label round $round A (postings alone): $(echo "$a" | grep -E 'Requests/sec|non-201' | tr '\n' ' ')"
  sim=$(java -cp "$tcp" io.jifen.admin.simulation.bench.SimulationBench --url http://127.0.0.1:$port --key "$key" \
    --candidate 2 --start-only true | grep -o 'SIMULATION=[0-9]*' | cut -d= -f2)
  b=$(RUN=b$round wrk -t2 -c16 -d30s -s examples/load/purchases.lua http://127.0.0.1:$port)
  state=$(curl -s 127.0.0.1:$port/merchants/fresh-harbour/simulations/$sim -H "X-Api-Key: $key" \
    | grep -o '"status":"[A-Z]*"\|"processed":[0-9]*' | tr '\n' ' ')
  echo "$label round $round B (with simulation $sim, at wrk's end: $state): $(echo "$b" | grep -E 'Requests/sec|non-201' | tr '\n' ' ')"
  while curl -s 127.0.0.1:$port/merchants/fresh-harbour/simulations/$sim -H "X-Api-Key: $key" | grep -q '"status":"\(QUEUED\|RUNNING\)"'; do
    sleep 2 # waiting for the simulation to end before the next A
  done
  grep "simulation $sim:" "$log" | sed "s/^.*simulation /$label   simulation /"
done
a=$(RUN=a-last wrk -t2 -c16 -d30s -s examples/load/purchases.lua http://127.0.0.1:$port)
echo "$label last A (postings alone): $(echo "$a" | grep -E 'Requests/sec|non-201' | tr '\n' ' ')"
t3=$(uptime_s)
echo "$label peak heap during the A/B: $(peak "$t2" "$t3") MB"
yardstick after; uptime
