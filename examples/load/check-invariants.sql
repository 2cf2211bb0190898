-- The ledger invariants of docs/ledger.md for every member of one merchant; every count must be 0:
--   psql -h 127.0.0.1 -U postgres -d postgres -v schema=jifen -v merchant=CODE -f examples/load/check-invariants.sql
set search_path to :schema;
select
  (select count(*) from member m join merchant mc on mc.id = m.merchant_id
     left join (select member_id, sum(points) filter (where bucket = 'AVAILABLE') as available,
                       sum(points) filter (where bucket = 'PENDING') as pending
                from ledger_entry group by member_id) e on e.member_id = m.id
     where mc.code = :'merchant' and (m.balance <> coalesce(e.available, 0) or m.pending <> coalesce(e.pending, 0)))
    as balance_not_sum_of_entries,
  (select count(*) from member m join merchant mc on mc.id = m.merchant_id
     left join (select member_id, sum(remaining) filter (where released) as released,
                       sum(remaining) filter (where not released) as held
                from point_lot group by member_id) l on l.member_id = m.id
     where mc.code = :'merchant' and (coalesce(l.released, 0) <> greatest(m.balance, 0) or coalesce(l.held, 0) <> m.pending))
    as lots_not_matching_balance,
  (select count(*) from ledger_entry e join merchant mc on mc.id = e.merchant_id
     where mc.code = :'merchant' and e.transaction_id is null and e.lot_id is null)
    as entries_without_cause,
  (select count(*) from point_lot l join merchant mc on mc.id = l.merchant_id
     where mc.code = :'merchant' and l.released and l.remaining > 0 and l.expires_at <= now())
    as lots_past_expiry_left;
