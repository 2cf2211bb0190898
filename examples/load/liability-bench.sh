#!/usr/bin/env bash
# The points liability benchmark (BENCHMARKS.md, section 11), in two steps on the schema liab_bench:
#   examples/load/liability-bench.sh APP_DIR seed     (APP_DIR: a copy of admin-api/target/jifen-app)
#     the packaged service with the rollup off makes a merchant (Asia/Shanghai, CNY, point value 0.01) and
#     a MARKETING key through the API; a year of its ledger is seeded straight into the database
#     (examples/load/seed-liability.sql: about 10,000,000 entries, 3,500,000 lots, 200,000 members),
#     then VACUUM ANALYZE. Heavy, but nothing is timed: it may run while the machine is busy.
#   examples/load/liability-bench.sh APP_DIR measure  (on a quiet machine)
#     1. the year's report with nothing rolled up (every entry read live), twice;
#     2. restarted with the rollup every 10 s: the time until it has rolled up the whole ledger;
#     3. restarted (a cold JVM): the year's report, first request (cold) then RUNS more (warm), JSON and
#        CSV; the last closing checked against the members' balances;
#     with a pgbench yardstick (-c 8 -j 2 -T 20, scale 10, a scratch database) before and after, and
#     uptime at each step; then drops the schema and the scratch database (KEEP=1 keeps the schema).
# Needs psql, pgbench, curl, jq. Talks only to 127.0.0.1.
set -euo pipefail
app="$1"; step="$2"
cd "$(dirname "$0")/../.."
schema="liab_bench"; port=8095; admin="liab-bench-admin-key"; log="/tmp/liabbench-$step.log"; runs="${RUNS:-5}"
db() { psql -h 127.0.0.1 -U postgres -d postgres -qAt "$@"; }
pid=
start() { # the rollup's interval
  env JIFEN_DB_SCHEMA=$schema JIFEN_SEED_EXAMPLE=false JIFEN_LEDGER_JOBS_EVERY=off JIFEN_HTTP_PORT=$port \
    JIFEN_BOOTSTRAP_ADMIN_KEY=$admin JIFEN_LEDGER_LIABILITY_EVERY="$1" \
    java -Xmx512m -jar "$app/jifen-admin-api.jar" >> "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf 127.0.0.1:$port/q/health/ready > /dev/null && return; sleep 1; done # the process coming up
  echo "service did not start: $log" >&2; exit 1
}
stop() { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }
cleanup() {
  stop
  if [ "$step" = measure ]; then
    [ -n "${KEEP:-}" ] || db -c "drop schema if exists $schema cascade" 2>/dev/null || true
    dropdb -h 127.0.0.1 -U postgres --if-exists "pgbench_liab_$$" 2>/dev/null || true
  fi
}
trap cleanup EXIT
yardstick() { echo "yardstick $1: $(pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T 20 "pgbench_liab_$$" 2>/dev/null | grep -o 'tps = [0-9.]*')"; }

if [ "$step" = seed ]; then
  db -c "drop schema if exists $schema cascade"
  start off
  curl -sf -H "X-Api-Key: $admin" -H 'Content-Type: application/json' 127.0.0.1:$port/merchants -d '{"code": "liab-bench",
    "name": "Liability bench", "timeZone": "Asia/Shanghai", "currency": "CNY", "pointsPolicy": {"rounding": "DOWN",
    "stacking": "ADDITIVE", "expiry": {"rule": "ROLLING_MONTHS", "months": 12}, "autoEnrol": true, "pointValue": "0.01"}}' > /dev/null
  curl -sf -H "X-Api-Key: $admin" -H 'Content-Type: application/json' 127.0.0.1:$port/merchants/liab-bench/api-keys \
    -d '{"role": "MARKETING", "label": "bench"}' | jq -r .secret > /tmp/liabbench.key
  stop
  t=$(date +%s)
  psql -h 127.0.0.1 -U postgres -d postgres -q -v schema=$schema -v merchant=liab-bench -v events=${EVENTS:-9525000} \
    -v purchases=${PURCHASES:-3500000} -v members=${MEMBERS:-200000} -f examples/load/seed-liability.sql | tail -3
  echo "seeded in $(( $(date +%s) - t )) s"
  db -c "vacuum analyze $schema.ledger_entry" -c "vacuum analyze $schema.point_lot" -c "vacuum analyze $schema.member"
  exit 0
fi

key=$(cat /tmp/liabbench.key)
createdb -h 127.0.0.1 -U postgres "pgbench_liab_$$" && pgbench -h 127.0.0.1 -U postgres -i -s 10 -q "pgbench_liab_$$" 2>/dev/null
echo "before: $(uptime)"; yardstick before
start off
today=$(TZ=Asia/Shanghai date +%F); from=$(TZ=Asia/Shanghai date -d "$today - 365 days" +%F)
url="127.0.0.1:$port/merchants/liab-bench/liability?from=$from&to=$today"
timed() { curl -s -o /tmp/liabbench-$$.out -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" "$1"; }
echo "nothing rolled up (every entry read live): $(timed "$url"), $(timed "$url")"

stop; echo "rollup: $(uptime)"
start 10s
t=$(date +%s%N)
last=$(db -c "select max(id) from $schema.ledger_entry")
until [ "$(db -c "select rolled_through >= $last from $schema.liability_rollup")" = t ]; do sleep 1; done # polling another process
echo "rolled up $last ids in $(( ($(date +%s%N) - t) / 1000000 )) ms after start (first run up to 10 s after start)"
for _ in $(seq 1 120); do [ "$(db -c "select breakage_at is not null from $schema.liability_rollup")" = t ] && break; sleep 1; done
db -c "vacuum analyze $schema.liability_day"

stop; echo "report: $(uptime)"
start 1m
echo "cold (first request of the JVM): $(timed "$url")"
for i in $(seq 1 "$runs"); do echo "warm $i: $(timed "$url")"; done
for i in 1 2; do echo "csv $i: $(timed "${url/liability?/liability.csv?}")"; done
timed "$url" > /dev/null
echo "days: $(jq '.days | length' /tmp/liabbench-$$.out), last closing $(jq '.days[-1].closing' /tmp/liabbench-$$.out),"\
" outstanding $(jq -c .outstanding /tmp/liabbench-$$.out)"
echo "members' balance + pending: $(db -c "select sum(balance + pending) from $schema.member")"
echo "expiring: $(jq -c '[.expiring[].points]' /tmp/liabbench-$$.out)"
echo "after: $(uptime)"; yardstick after
