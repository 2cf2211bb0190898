-- Seeds lots that are already due to expire, for the expiry benchmark (BENCHMARKS.md, section 5):
--   psql -h 127.0.0.1 -U postgres -d postgres -v schema=jifen_bench -v merchant=CODE -v lots_per_member=100 \
--        -f examples/load/seed-expiring-lots.sql
-- For every member of the merchant (enrol them first, e.g. `PostingLoad --setup-only true`): one
-- ADJUSTMENT transaction crediting lots_per_member lots of 10 points, its ledger entry and the
-- balance, so every ledger invariant holds before and after the expiry run.
set search_path to :schema;
begin;
create temp table seed_member on commit drop as
    select m.id, m.merchant_id, m.balance from member m join merchant mc on mc.id = m.merchant_id
    where mc.code = :'merchant';
insert into loyalty_transaction (merchant_id, external_id, kind, member_id, occurred_at, payload_hash, total_points,
                                 result, reason, actor_key_id)
    select merchant_id, 'seed-lots-' || id, 'ADJUSTMENT', id, now() - interval '400 days', 'seed', :lots_per_member * 10,
           '{}', 'expiry benchmark seed', 'benchmark'
    from seed_member;
insert into point_lot (merchant_id, member_id, transaction_id, points, remaining, earned_on, expires_at, available_at,
                       released)
    select s.merchant_id, s.id, t.id, 10, 10, current_date - 400, now() - interval '1 day' + g * interval '1 second',
           now() - interval '400 days', true
    from seed_member s join loyalty_transaction t on t.external_id = 'seed-lots-' || s.id and t.merchant_id = s.merchant_id
    cross join generate_series(1, :lots_per_member) g;
insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after, transaction_id, reason)
    select s.merchant_id, s.id, 'ADJUST', 'AVAILABLE', :lots_per_member * 10, s.balance + :lots_per_member * 10, t.id,
           'expiry benchmark seed'
    from seed_member s join loyalty_transaction t on t.external_id = 'seed-lots-' || s.id and t.merchant_id = s.merchant_id;
update member m set balance = m.balance + :lots_per_member * 10 from seed_member s where m.id = s.id;
commit;
analyze point_lot;
analyze member;
select count(*) as due_lots from point_lot where released and remaining > 0 and expires_at <= now();
