-- Jifen schema v3: the ledger lifecycle. Points live in lots (one per earning) that expire and may be
-- held pending; every movement is a ledger entry naming its cause; refunds, adjustments, debits and
-- transfers are transactions too, idempotent by (merchant, external id) like purchases.

-- The rest of the points policy (docs/api.md, "Merchants").
alter table merchant
    add column pending_days        integer     not null default 0,
    add column daily_earn_cap      bigint,
    add column shortfall_policy    varchar(16) not null default 'TAKE_AVAILABLE',
    add column transfers_enabled   boolean     not null default false,
    add column transfer_min        bigint,
    add column transfer_max        bigint,
    add column tier_order          text        not null default 'REGULAR,SILVER,GOLD',
    add column tier_period_months  integer     not null default 12,
    add column balance_thresholds  text        not null default '';

-- balance: spendable points (negative only under ALLOW_NEGATIVE); pending: held for the return window.
alter table member
    add column pending         bigint      not null default 0,
    add column frozen_reason   text,
    add column tier_since      timestamptz,
    add column tier_review_at  timestamptz;
create index member_tier_review on member (tier_review_at) where tier_review_at is not null;

-- Every operation on points is a transaction row. kind: PURCHASE, EVENT, REFUND, ADJUSTMENT, DEBIT,
-- TRANSFER. payload/context: what a purchase was evaluated on, so a refund re-evaluates it exactly.
alter table loyalty_transaction
    add column payload          text,
    add column context          text,
    add column original_id      bigint references loyalty_transaction (id),
    add column counterparty_id  bigint references member (id),
    add column reason           text,
    add column actor_key_id     varchar(40),
    add column shortfall        bigint not null default 0,
    alter column rule_version_id drop not null;
create index loyalty_transaction_refunds on loyalty_transaction (original_id) where original_id is not null;

-- A lot: the points one transaction put on an account. Spending takes from the released lots that
-- expire first; expiry zeroes what remains. Invariant: sum(remaining of released lots) = max(balance, 0),
-- sum(remaining of pending lots) = pending.
create table point_lot (
    id              bigserial   primary key,
    merchant_id     bigint      not null references merchant (id),
    member_id       bigint      not null references member (id),
    transaction_id  bigint      not null references loyalty_transaction (id),
    points          bigint      not null check (points > 0),
    remaining       bigint      not null check (remaining >= 0 and remaining <= points),
    earned_on       date        not null,
    expires_at      timestamptz,
    available_at    timestamptz not null,
    released        boolean     not null,
    expired         bigint      not null default 0,
    created_at      timestamptz not null default now()
);
create index point_lot_spendable on point_lot (member_id, expires_at, id) where remaining > 0 and released;
create index point_lot_due_expiry on point_lot (expires_at) where remaining > 0 and released and expires_at is not null;
create index point_lot_due_release on point_lot (available_at) where not released;
create index point_lot_by_transaction on point_lot (transaction_id);
create index point_lot_expiring_by_merchant on point_lot (merchant_id, expires_at) where remaining > 0;

-- Which lots a spending transaction (debit, transfer, negative adjustment, refund) took points from:
-- what a cancelled redemption gives back, with the original expiry.
create table lot_consumption (
    transaction_id  bigint not null references loyalty_transaction (id),
    lot_id          bigint not null references point_lot (id),
    points          bigint not null check (points > 0),
    primary key (transaction_id, lot_id)
);

-- bucket: AVAILABLE entries sum to the balance, PENDING entries to the pending points; balance_after is
-- that bucket's total after the entry. kind: EARN, REVERSE, ADJUST, DEBIT, TRANSFER_OUT, TRANSFER_IN,
-- RELEASE, EXPIRE. Expiry and release entries name their lot instead of a transaction.
alter table ledger_entry
    add column bucket  varchar(9) not null default 'AVAILABLE',
    add column lot_id  bigint references point_lot (id);

-- Tier history: every change with its cause and reason.
create table tier_change (
    id               bigserial    primary key,
    merchant_id      bigint       not null references merchant (id),
    member_id        bigint       not null references member (id),
    from_tier        varchar(64)  not null,
    to_tier          varchar(64)  not null,
    cause            varchar(16)  not null,
    transaction_id   bigint       references loyalty_transaction (id),
    rule_version_id  bigint       references rule_version (id),
    rule_name        varchar(255),
    reason           text         not null,
    at               timestamptz  not null default now()
);
create index tier_change_by_member on tier_change (member_id, id);

-- Domain events, written in the transaction that caused them, then delivered to merchant webhooks.
create table outbox_event (
    id           bigserial    primary key,
    merchant_id  bigint       not null references merchant (id),
    type         varchar(64)  not null,
    member_id    bigint       references member (id),
    payload      text         not null,
    created_at   timestamptz  not null default now()
);
create index outbox_event_by_merchant on outbox_event (merchant_id, id);

-- The secret signs deliveries (HMAC-SHA256), so it is stored, unlike API key secrets.
create table webhook (
    id           bigserial     primary key,
    merchant_id  bigint        not null references merchant (id),
    url          varchar(2000) not null,
    secret       varchar(128)  not null,
    event_types  text          not null default '*',
    created_at   timestamptz   not null default now(),
    created_by   varchar(40)   not null,
    disabled_at  timestamptz
);

create table webhook_delivery (
    id               bigserial    primary key,
    webhook_id       bigint       not null references webhook (id),
    event_id         bigint       not null references outbox_event (id),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    last_status      integer,
    last_error       text,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and failed_at is null;
