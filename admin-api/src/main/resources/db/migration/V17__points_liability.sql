-- Jifen schema v17: the points liability report (docs/ledger.md, "Points liability"). The report reads
-- a daily rollup of the ledger plus the entries not rolled up yet, never the whole ledger per request.
-- The ledger's writer (Ledger) is unchanged: the rollup job reads ledger_entry by id range.

-- The rollup's progress, one row. Every ledger_entry with id <= rolled_through is counted in
-- liability_day, and in no other way: the job adds a range and moves rolled_through in one transaction,
-- holding this row's lock. candidate_id/candidate_at: the entries' sequence value the job saw and a
-- time just after it; that range is rolled up once no transaction that started before candidate_at and
-- has written anything is still open (so no id up to candidate_id can still appear).
-- breakage_at: when liability_earning_month was last computed.
create table liability_rollup (
    id              integer     primary key check (id = 1),
    rolled_through  bigint      not null default 0,
    candidate_id    bigint,
    candidate_at    timestamptz,
    breakage_at     timestamptz
);
insert into liability_rollup (id) values (1);

-- The ledger summed per merchant, merchant-local day of the entry's created_at (the day the ledger
-- recorded it), kind and bucket.
create table liability_day (
    merchant_id  bigint      not null references merchant (id),
    day          date        not null,
    kind         varchar(16) not null,
    bucket       varchar(9)  not null,
    points       bigint      not null,
    entries      bigint      not null,
    primary key (merchant_id, day, kind, bucket),
    constraint liability_day_kind_check_values
        check (kind in ('EARN', 'REVERSE', 'ADJUST', 'DEBIT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RELEASE', 'EXPIRE',
                        'RESTORE')),
    constraint liability_day_bucket_check_values
        check (bucket in ('AVAILABLE', 'PENDING'))
);

-- Breakage: per merchant and merchant-local month of the lots' earned_on, the points given (lots of
-- received transfers excluded: they are the sender's points again), what expired of all its lots, the
-- last expiry and how many lots never expire. Recomputed whole by the job (breakage_at above).
create table liability_earning_month (
    merchant_id     bigint      not null references merchant (id),
    month           date        not null check (extract(day from month) = 1),
    points          bigint      not null,
    expired         bigint      not null,
    lots            bigint      not null,
    last_expiry     timestamptz,
    never_expiring  bigint      not null,
    primary key (merchant_id, month)
);

-- The expiry forecast sums what remains of a merchant's lots by expiry: with `remaining` in the index
-- the sum is an index-only scan. Same columns and predicate as before, so writes maintain it as before.
drop index point_lot_expiring_by_merchant;
create index point_lot_expiring_by_merchant on point_lot (merchant_id, expires_at) include (remaining)
    where remaining > 0;
