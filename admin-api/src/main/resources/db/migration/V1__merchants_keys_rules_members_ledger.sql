-- Jifen schema v1: merchants and their API keys, the audit log, rule versions and activations,
-- members, transactions (idempotent by merchant + external id) and the append-only points ledger.

create table merchant (
    id             bigserial primary key,
    code           varchar(64)  not null unique,
    name           varchar(200) not null,
    time_zone      varchar(64)  not null,
    currency       varchar(3)   not null,
    rounding       varchar(16)  not null default 'DOWN',
    stacking       varchar(16)  not null default 'ADDITIVE',
    expiry_policy  varchar(32)  not null default 'NEVER',
    expiry_months  integer,
    account_cap    bigint,
    auto_enrol     boolean      not null default true,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        bigint       not null default 0
);

-- The secret is never stored: only its SHA-256. merchant_id is null for platform ADMIN keys.
create table api_key (
    id           varchar(40)  primary key,
    merchant_id  bigint       references merchant (id),
    role         varchar(16)  not null,
    secret_hash  bytea        not null unique,
    label        varchar(200) not null,
    created_at   timestamptz  not null default now(),
    created_by   varchar(40)  not null,
    revoked_at   timestamptz
);

create table audit_log (
    id           bigserial    primary key,
    merchant_id  bigint       references merchant (id),
    actor_key_id varchar(40)  not null,
    action       varchar(64)  not null,
    target       varchar(200) not null,
    details      text,
    at           timestamptz  not null default now()
);
create index audit_log_by_merchant on audit_log (merchant_id, id);

-- Rule versions are immutable once created and never deleted.
create table rule_version (
    id            bigserial    primary key,
    merchant_id   bigint       not null references merchant (id),
    number        integer      not null,
    content_hash  varchar(64)     not null,
    description   varchar(500) not null default '',
    created_at    timestamptz  not null default now(),
    created_by    varchar(40)  not null,
    unique (merchant_id, number)
);

create table rule_version_file (
    rule_version_id bigint       not null references rule_version (id),
    name            varchar(255) not null,
    content         bytea        not null,
    primary key (rule_version_id, name)
);

-- The active version at an instant is the one of the latest non-cancelled activation at or before
-- it: exactly one at any instant once a merchant has activated anything; rollback is a new row.
create table activation (
    id               bigserial   primary key,
    merchant_id      bigint      not null references merchant (id),
    rule_version_id  bigint      not null references rule_version (id),
    effective_at     timestamptz not null,
    created_at       timestamptz not null default now(),
    created_by       varchar(40) not null,
    cancelled_at     timestamptz
);
create index activation_by_merchant on activation (merchant_id, effective_at desc, id desc);

create table member (
    id           bigserial    primary key,
    merchant_id  bigint       not null references merchant (id),
    external_id  varchar(128) not null,
    tier         varchar(64)  not null default '',
    status       varchar(16)  not null default 'ACTIVE',
    enrolled_on  date         not null,
    birthday     date,
    balance      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    unique (merchant_id, external_id)
);

create table loyalty_transaction (
    id               bigserial     primary key,
    merchant_id      bigint        not null references merchant (id),
    external_id      varchar(128)  not null,
    kind             varchar(16)   not null,
    event_type       varchar(64),
    member_id        bigint        not null references member (id),
    amount           numeric(19,4),
    occurred_at      timestamptz   not null,
    payload_hash     varchar(64)      not null,
    rule_version_id  bigint        not null references rule_version (id),
    total_points     bigint        not null,
    result           text          not null,
    created_at       timestamptz   not null default now(),
    unique (merchant_id, external_id)
);
create index loyalty_transaction_by_member on loyalty_transaction (member_id, occurred_at);

-- Append-only: rows are inserted, never updated or deleted.
create table ledger_entry (
    id               bigserial    primary key,
    merchant_id      bigint       not null references merchant (id),
    member_id        bigint       not null references member (id),
    kind             varchar(16)  not null,
    points           bigint       not null,
    balance_after    bigint       not null,
    transaction_id   bigint       references loyalty_transaction (id),
    rule_version_id  bigint       references rule_version (id),
    rule_name        varchar(255),
    family           varchar(64),
    reason           text         not null,
    created_at       timestamptz  not null default now()
);
create index ledger_entry_by_member on ledger_entry (member_id, id);
