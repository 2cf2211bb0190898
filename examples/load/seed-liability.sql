-- Benchmark seeding for the points liability report (BENCHMARKS.md section 11): a year of one busy
-- merchant's ledger written straight into the database, 365 merchant-local days ending yesterday.
--
--   psql -h 127.0.0.1 -U postgres -v schema=liab_bench -v merchant=liab-bench -v events=9525000 \
--        -v purchases=3500000 -v members=200000 -f examples/load/seed-liability.sql
--
-- The merchant exists already (made through the API, so the service has its keys). What is written is
-- shaped like the report's input, not a replayable history: `events` ledger movements spread evenly over
-- the year (a release is two entries: 9,525,000 events are 10,001,250 entries), kinds in a busy
-- merchant's proportions (EARN 60 %, a tenth of it pending; DEBIT 15 %; RELEASE 5 %; REVERSE, ADJUST,
-- EXPIRE, RESTORE, TRANSFER_IN, TRANSFER_OUT 3-4 % each), random members and sizes; `purchases` lots
-- (one per purchase transaction, 60 % with points left, expiring 12 months after their day). Members'
-- balance and pending are set to their entries' sums, so the report's last closing can be checked
-- against them. Entries name no transaction or lot and carry no running balance_after: the report
-- reads neither. FK triggers are off while seeding (superuser): the rows reference rows that exist.
\set ON_ERROR_STOP on
\timing on
set search_path to :schema;
set session_replication_role = replica;
select setseed(0.42);

select id as merchant_id, time_zone from merchant where code = :'merchant' \gset
select cast((now() at time zone :'time_zone') as date) - 365 as first_day \gset

insert into member (merchant_id, external_id, enrolled_on)
select :merchant_id, 'lb-' || g, date '2025-01-01' from generate_series(1, :members) g;
select min(id) as first_member from member where merchant_id = :merchant_id and external_id like 'lb-%' \gset

-- purchases and their lots, evenly over the year
insert into loyalty_transaction (merchant_id, external_id, kind, member_id, occurred_at, payload_hash, total_points,
                                 result, created_at)
select :merchant_id, 'lb-p' || g, 'PURCHASE', :first_member + floor(random() * :members)::bigint, at, 'bench',
       0, '', at
from (select g, cast(:'first_day' as timestamp) at time zone :'time_zone'
                + (g - 1) * (interval '365 days' / :purchases) as at
      from generate_series(1, :purchases) g) p;

insert into point_lot (merchant_id, member_id, transaction_id, points, remaining, earned_on, expires_at, available_at,
                       released, expired, created_at)
select t.merchant_id, t.member_id, t.id, l.points,
       case when random() < 0.4 then 0 else floor(l.points * random())::bigint end,
       l.earned_on, cast(l.earned_on + interval '12 months' + interval '1 day' as timestamp) at time zone :'time_zone',
       t.occurred_at, true, 0, t.created_at
from loyalty_transaction t
cross join lateral (select 1 + floor(random() * 300)::bigint as points,
                           cast(t.occurred_at at time zone :'time_zone' as date) as earned_on) l
where t.merchant_id = :merchant_id and t.kind = 'PURCHASE' and t.external_id like 'lb-p%';

-- ledger movements, a million events per transaction (psql variables do not reach inside $$: settings do)
set liab.events = :events;
set liab.merchant = :merchant_id;
set liab.first_member = :first_member;
set liab.members = :members;
select set_config('liab.start', (cast(:'first_day' as timestamp) at time zone :'time_zone')::text, false);
do $$
declare
    chunk   constant bigint := 1000000;
    total   constant bigint := current_setting('liab.events')::bigint;
    merchant constant bigint := current_setting('liab.merchant')::bigint;
    first_member constant bigint := current_setting('liab.first_member')::bigint;
    members constant bigint := current_setting('liab.members')::bigint;
    start   constant timestamptz := current_setting('liab.start')::timestamptz;
begin
    for lo in 0 .. (total - 1) / chunk loop
        insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after, reason, created_at)
        select merchant, e.member_id, x.kind, x.bucket, x.points, 0, 'bench', e.at
        from (select g, first_member + floor(random() * members)::bigint as member_id,
                     start + (g - 1) * (interval '365 days' / total) as at,
                     1 + floor(random() * 300)::bigint as n, g % 100 as k
              from generate_series(lo * chunk + 1, least((lo + 1) * chunk, total)) g) e
        cross join lateral (values
            (case when e.k < 54 then 'EARN' when e.k < 60 then 'EARN' when e.k < 75 then 'DEBIT'
                  when e.k < 78 then 'REVERSE' when e.k < 82 then 'ADJUST' when e.k < 86 then 'EXPIRE'
                  when e.k < 89 then 'RESTORE' when e.k < 92 then 'TRANSFER_IN' when e.k < 95 then 'TRANSFER_OUT'
                  else 'RELEASE' end,
             case when e.k between 54 and 59 or e.k >= 95 then 'PENDING' else 'AVAILABLE' end,
             case when e.k < 60 or e.k between 86 and 91 then e.n when e.k between 78 and 81 then e.n - 150
                  else -e.n end),
            ('RELEASE', 'AVAILABLE', e.n)) as x(kind, bucket, points)
        where x.kind <> 'RELEASE' or e.k >= 95;
        commit;
    end loop;
end $$;

update member m set balance = s.available, pending = s.pending
from (select member_id, coalesce(sum(points) filter (where bucket = 'AVAILABLE'), 0) as available,
             coalesce(sum(points) filter (where bucket = 'PENDING'), 0) as pending
      from ledger_entry where merchant_id = :merchant_id group by member_id) s
where m.id = s.member_id;

select count(*) as entries, min(created_at), max(created_at) from ledger_entry where merchant_id = :merchant_id;
