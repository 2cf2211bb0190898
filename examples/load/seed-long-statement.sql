-- Gives one member a statement of :entries ledger entries, for the statement benchmark (BENCHMARKS.md):
--   psql -h 127.0.0.1 -U postgres -d postgres -v schema=jifen_bench -v merchant=CODE -v member=member-0 \
--        -v entries=10000 -f examples/load/seed-long-statement.sql
-- Each entry is a 1-point ADJUSTMENT with its own transaction and lot, as the API would write it.
set search_path to :schema;
begin;
create temp table seed_target on commit drop as
    select m.id, m.merchant_id, m.balance from member m join merchant mc on mc.id = m.merchant_id
    where mc.code = :'merchant' and m.external_id = :'member';
insert into loyalty_transaction (merchant_id, external_id, kind, member_id, occurred_at, payload_hash, total_points,
                                 result, reason, actor_key_id)
    select s.merchant_id, 'seed-stmt-' || g, 'ADJUSTMENT', s.id, now() - (g || ' minutes')::interval, 'seed', 1, '{}',
           'statement benchmark seed ' || g, 'benchmark'
    from seed_target s cross join generate_series(1, :entries) g;
insert into point_lot (merchant_id, member_id, transaction_id, points, remaining, earned_on, expires_at, available_at, released)
    select t.merchant_id, t.member_id, t.id, 1, 1, current_date, null, now(), true
    from loyalty_transaction t join seed_target s on s.id = t.member_id where t.external_id like 'seed-stmt-%'
    order by t.id;
insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after, transaction_id, reason, lot_id)
    select t.merchant_id, t.member_id, 'ADJUST', 'AVAILABLE', 1,
           s.balance + row_number() over (order by t.id), t.id, t.reason, l.id
    from loyalty_transaction t join seed_target s on s.id = t.member_id join point_lot l on l.transaction_id = t.id
    where t.external_id like 'seed-stmt-%' order by t.id;
update member m set balance = m.balance + :entries from seed_target s where m.id = s.id;
commit;
analyze ledger_entry;
select min(e.id) as first_entry, max(e.id) as last_entry, count(*) as entries
from ledger_entry e join member m on m.id = e.member_id join merchant mc on mc.id = m.merchant_id
where mc.code = :'merchant' and m.external_id = :'member';
