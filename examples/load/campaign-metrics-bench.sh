#!/usr/bin/env bash
# Campaign metrics with 1,000,000 postings behind them (BENCHMARKS.md, section 12), in one service run:
#  1. starts the packaged service on a fresh schema (port 8094) with the Fresh Harbour example merchant;
#  2. seeds 1,000,000 purchases and events of 50,000 members over a year straight into the database
#     (io.jifen.admin.simulation.bench.SeedHistory) and charges Fresh Harbour's campaign `year-end` (seeded
#     with the merchant) for every one of those postings exactly as a posting's statement would (campaign_award,
#     campaign_day, campaign_member and the campaign's counters: 7 points each; its budgets are lifted to a
#     total of 10,000,000 so that the counters can hold the 7,000,000 points);
#     It also gives the campaign a year of redemptions and expiries of its points (campaign_lot_use: 365 days
#     x 16 slots, as debits, redemptions and expiry write them);
#  3. asks for the campaign's metrics 10 times before the sales rollup has run (every transaction read live:
#     what the metrics cost in the minute after a bulk import or an upgrade to V18);
#  4. restarts the service with the sales rollup every second, waits until it has rolled up every
#     transaction, and asks for the metrics (and their CSV) 50 times each through the API and prints the
#     latencies (curl's time_total), with a pgbench yardstick before;
#  then stops the service and drops the schema and the pgbench database.
#   examples/load/campaign-metrics-bench.sh APP_DIR LABEL   (APP_DIR: as for simulation-bench.sh)
set -euo pipefail
app="$1"; label="$2"
cd "$(dirname "$0")/../.."
schema="campaign_bench_$$"; port=8094; log="/tmp/campaignbench-$label.log"
tcp="admin-api/target/test-classes:admin-api/target/classes:$(cat admin-api/target/cp.txt)"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade"
start_service() { # $1: how often the sales rollup runs
  JIFEN_DB_SCHEMA=$schema JIFEN_SEED_EXAMPLE=true JIFEN_LEDGER_JOBS_EVERY=off JIFEN_CAMPAIGNS_SALES_EVERY="$1" \
    JIFEN_HTTP_PORT=$port java -Xmx512m -jar "$app/jifen-admin-api.jar" >> "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf 127.0.0.1:$port/q/health/ready > /dev/null && break; sleep 1; done # waiting for the process to come up
}
: > "$log"
start_service off
cleanup() {
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "pgbench_campaign_$$" 2>/dev/null || true
}
trap cleanup EXIT
# three example merchants are seeded: Fresh Harbour's MARKETING key is the one after its line
key=$(grep -A3 'example merchant `fresh-harbour`' "$log" | grep -o 'MARKETING  jf_[A-Za-z0-9_-]*' | head -1 | awk '{print $2}')
java -cp "$tcp" io.jifen.admin.simulation.bench.SeedHistory --schema $schema --merchant fresh-harbour \
  --transactions ${TRANSACTIONS:-1000000} --members 50000 --from 2025-12-01 --days 365 | tail -1
# the year-end campaign is Fresh Harbour's own (seeded with the merchant); its counters are what is measured
started=$(date +%s)
psql -h 127.0.0.1 -U postgres -d postgres -q <<SQL
set search_path to $schema;
insert into campaign_award (transaction_id, campaign_id, member_id, day, points)
select t.id, c.id, t.member_id, (t.occurred_at at time zone 'Asia/Shanghai')::date, 7
from loyalty_transaction t join campaign c on c.merchant_id = t.merchant_id and c.code = 'year-end'
where t.kind in ('PURCHASE', 'EVENT');
insert into campaign_member (campaign_id, member_id, awarded)
select campaign_id, member_id, sum(points) from campaign_award group by campaign_id, member_id;
insert into campaign_day (campaign_id, day, awarded, postings, participants)
select a.campaign_id, a.day, sum(a.points), count(*),
       count(*) filter (where a.day = f.first_day)
from campaign_award a
join (select campaign_id, member_id, min(day) as first_day from campaign_award group by 1, 2) f
  on f.campaign_id = a.campaign_id and f.member_id = a.member_id
group by a.campaign_id, a.day;
update campaign c set budget_total = 10000000, budget_per_member = null, awarded = s.points, participants = s.members
from (select campaign_id, sum(awarded) as points, count(*) as members from campaign_member group by 1) s
where s.campaign_id = c.id;
insert into campaign_lot_use (campaign_id, day, slot, redeemed, expired)
select c.id, d.day::date, s.slot, round((random() * 900)::numeric, 6), round((random() * 100)::numeric, 6)
from campaign c, generate_series(date '2025-12-01', date '2026-11-30', interval '1 day') d(day),
     generate_series(0, 15) s(slot)
where c.code = 'year-end';
analyze campaign_award; analyze campaign_day; analyze campaign_member; analyze campaign_lot_use;
SQL
echo "$label charged the campaign for $(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select count(*) from $schema.campaign_award") postings in $(( $(date +%s) - started )) s"
createdb -h 127.0.0.1 -U postgres "pgbench_campaign_$$" && pgbench -h 127.0.0.1 -U postgres -i -s 10 -q "pgbench_campaign_$$" 2>/dev/null
echo "$label yardstick: $(pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T 20 "pgbench_campaign_$$" 2>/dev/null | grep -o 'tps = [0-9.]*')"; uptime
measure() { # $1: what, $2: how many requests
  times=()
  for _ in $(seq 1 "$2"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' 127.0.0.1:$port/merchants/fresh-harbour/campaigns/year-end/$1 -H "X-Api-Key: $key")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v w="$1 ($3)" -v f="${times[0]}" -v n="$2" '{ t[NR] = $1 * 1000 }
    END { p50 = int(NR * 0.5); if (p50 < 1) p50 = 1; p95 = int(NR * 0.95); if (p95 < 1) p95 = 1
          printf "%s GET …/campaigns/year-end/%s, %d requests: first %.1f ms; p50 %.1f ms; p95 %.1f ms; max %.1f ms\n",
          l, w, n, f * 1000, t[p50], t[p95], t[NR] }'
}
measure metrics 10 "before the sales rollup: 1,000,000 transactions read live"
kill $pid; wait $pid 2>/dev/null || true
start_service 1s
last=$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select max(id) from $schema.loyalty_transaction")
rolled_from=$(date +%s)
until [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select rolled_through >= $last from $schema.sales_rollup")" = t ]; do
  sleep 1 # waiting for the service's rollup job (another process) to catch up
done
echo "$label the sales rollup caught up with $last transactions in $(( $(date +%s) - rolled_from )) s (after a restart)"
for what in metrics metrics.csv; do
  measure "$what" 50 "rolled up"
done
curl -s 127.0.0.1:$port/merchants/fresh-harbour/campaigns/year-end/metrics -H "X-Api-Key: $key" \
  | grep -o '"participants":[0-9]*,"awarded":[0-9]*\|"postings":[0-9]*,\|"awardedPointsRedeemed":[0-9]*,"awardedPointsExpired":[0-9]*\|"growthPercent":[^}]*' | tr '\n' ' '; echo
