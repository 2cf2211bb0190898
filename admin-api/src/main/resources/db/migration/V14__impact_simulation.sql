-- Jifen schema v14: impact simulation (docs/simulation.md). A run replays a merchant's stored purchases
-- and events against a candidate rule version and reports what would change; it is a stored job, so
-- it survives a restart of the service.

-- What one point is worth to the merchant, in its currency (pointsPolicy.pointValue, e.g. 0.01 CNY):
-- the simulation reports liability changes at this value. Optional: without it, money figures are absent.
alter table merchant add column point_value numeric(19,6) check (point_value > 0);

-- status: QUEUED (accepted, waiting for a simulation thread), RUNNING, and the final SUCCEEDED,
-- FAILED (error says why), CANCELLED. baseline_kind: POSTED (the points the ledger recorded) or
-- VERSION (baseline_version_id evaluated like the candidate). processed/total count the purchases and
-- events of the window. restarts: how many times the run was resumed after the service stopped under it.
-- The runner holds the advisory lock (7400014, id) for as long as it works on a run, so a RUNNING run
-- whose lock is free has lost its runner (SimulationRunner.recover).
create table simulation_run (
    id                    bigserial    primary key,
    merchant_id           bigint       not null references merchant (id),
    status                varchar(16)  not null
        check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    candidate_version_id  bigint       not null references rule_version (id),
    baseline_kind         varchar(8)   not null check (baseline_kind in ('POSTED', 'VERSION')),
    baseline_version_id   bigint       references rule_version (id),
    window_from           timestamptz  not null,
    window_to             timestamptz  not null,
    top                   integer      not null check (top between 1 and 100),
    created_at            timestamptz  not null default now(),
    created_by            varchar(40)  not null,
    started_at            timestamptz,
    heartbeat_at          timestamptz,
    finished_at           timestamptz,
    total                 bigint       check (total >= 0),
    processed             bigint       not null default 0 check (processed >= 0),
    restarts              integer      not null default 0 check (restarts >= 0),
    cancel_requested_at   timestamptz,
    cancelled_by          varchar(40),
    error                 text,
    report                text,
    check (window_from < window_to),
    check ((baseline_kind = 'VERSION') = (baseline_version_id is not null)),
    check ((status in ('SUCCEEDED', 'FAILED', 'CANCELLED')) = (finished_at is not null)),
    check (status <> 'SUCCEEDED' or report is not null)
);
create index simulation_run_by_merchant on simulation_run (merchant_id, id);
create index simulation_run_open on simulation_run (id) where status in ('QUEUED', 'RUNNING');
-- one open run per merchant: a second one is refused (409 simulation-in-progress)
create unique index simulation_run_one_open_per_merchant on simulation_run (merchant_id)
    where status in ('QUEUED', 'RUNNING');
-- a run reads the merchant's members a page at a time, in id order
create index member_by_merchant on member (merchant_id, id);
