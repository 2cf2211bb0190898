#!/usr/bin/env bash
# What PostgreSQL alone spends on a posting (BENCHMARKS.md, section 4): pgbench replays the statements
# of one posting (member lock, the posting read, the single write statement) against a schema the
# service created and PostingLoad filled (merchant id 1, members 1..10,000), N postings per
# transaction (unsorted: with several per transaction a rare deadlock between clients shows as a failed
# transaction), and prints the machine's busy CPU per posting minus pgbench's own.
#   examples/load/posting-sql.sh SCHEMA [POSTINGS_PER_TRANSACTION=1] [CLIENTS=16] [SECONDS=20]
# Talks only to 127.0.0.1. Row sizes follow the service's (result 500 B, request 250 B, context 300 B).
set -euo pipefail
schema=$1; per=${2:-1}; clients=${3:-16}; seconds=${4:-20}
script=$(mktemp /tmp/posting-sql.XXXXXX)
trap 'rm -f "$script"' EXIT
for i in $(seq 1 "$per"); do
  echo "\\set m$i random(1, 10000)"; echo "\\set x$i random(1, 1000000000000)"
done > "$script"
echo "BEGIN;" >> "$script"
for i in $(seq 1 "$per"); do
  m="cast(:m$i as bigint)"; x="'sql-' || cast(:x$i as bigint)"
  cat >> "$script" <<SQL
select id, tier, status, enrolled_on, birthday, balance, pending from member where merchant_id = 1 and external_id = 'member-' || ($m - 1) for update;
select a.*, t.payload_hash, t.result, (select rule_version_id from activation where merchant_id = 1 and cancelled_at is null and effective_at <= now() order by effective_at desc, id desc limit 1), 0 from (select coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= now() - interval '12 months'), 0) as rolling, coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= date_trunc('year', now())), 0) as year, coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= date_trunc('day', now())), 0) as today, coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= date_trunc('month', now())), 0) as month, (select string_agg(e.event_type || ':' || e.today || ':' || e.month, ',') from (select event_type, count(*) filter (where occurred_at >= date_trunc('day', now())) as today, count(*) as month from loyalty_transaction where member_id = $m and kind = 'EVENT' and occurred_at < now() and occurred_at >= date_trunc('month', now()) group by event_type) e) as events from loyalty_transaction where member_id = $m and occurred_at < now() and occurred_at >= now() - interval '12 months') a left join loyalty_transaction t on t.merchant_id = 1 and t.external_id = $x;
with tx as (insert into loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount, occurred_at, payload_hash, rule_version_id, total_points, result, payload, context, created_at) values (1, $x, 'PURCHASE', null, $m, 250.98, now() - interval '1 hour', md5($x) || md5($x), 1, 250, repeat('r', 500), repeat('p', 250), repeat('c', 300), now()) on conflict (merchant_id, external_id) do nothing returning id), balance as (update member set balance = balance + 250, updated_at = now() where merchant_id = 1 and external_id = 'member-' || ($m - 1) and exists (select 1 from tx)), lot as (insert into point_lot (merchant_id, member_id, transaction_id, points, remaining, earned_on, expires_at, available_at, released) select 1, $m, tx.id, 250, 250, current_date, null, now(), true from tx returning id), entries as (insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after, transaction_id, rule_version_id, rule_name, family, reason, lot_id, created_at) select 1, $m, 'EARN', 'AVAILABLE', 250, 250, tx.id, 1, 'earn 1 point per yuan', 'BASE', '1 point per yuan of eligible spend', (select id from lot), now() from tx), ev as (insert into outbox_event (merchant_id, type, member_id, payload) select 1, 'points.earned', $m, repeat('e', 180) from tx returning id, type), deliveries as (insert into webhook_delivery (webhook_id, event_id) select w.id, ev.id from ev join webhook w on w.merchant_id = 1 and w.disabled_at is null) select id from tx;
SQL
done
echo "COMMIT;" >> "$script"
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
b0=$(busy)
out=$( { PGOPTIONS="-c search_path=$schema" /usr/bin/time -f "PGBENCH_CPU %U %S" pgbench -h 127.0.0.1 -U postgres -n -M prepared \
  -c "$clients" -j 2 -T "$seconds" -f "$script" postgres; } 2>&1)
b1=$(busy)
tps=$(echo "$out" | grep -o "tps = [0-9.]*" | awk '{print $3}')
n=$(echo "$out" | grep -o "processed: [0-9]*" | awk '{print $2}')
own=$(echo "$out" | grep PGBENCH_CPU | awk '{print $2+$3}')
awk -v b=$((b1 - b0)) -v own="$own" -v n="$n" -v per="$per" -v tps="$tps" -v c="$clients" 'BEGIN {
  printf "%d posting(s) per transaction, %d clients: %.0f postings/s; PostgreSQL %.0f us CPU per posting (machine busy %.1f s, pgbench %.1f s)\n",
    per, c, tps * per, ((b / 100) - own) * 1e6 / (n * per), b / 100, own }'
echo "$out" | grep -E "failed transactions: [1-9]" || true
