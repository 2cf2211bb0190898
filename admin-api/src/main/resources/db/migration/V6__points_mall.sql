-- Jifen schema v6: the points mall. Items of a merchant's catalog, their codes and lottery prizes,
-- redemption orders (each paid by a REDEMPTION transaction whose lot consumption a cancellation gives
-- back) and the audit trail of lottery draws. Lock order (docs/mall.md): member row, then the order row,
-- then the item row (stock), then a code row or a prize row.

-- Operation kinds grow longer than 16 characters (REDEMPTION_CANCEL).
alter table loyalty_transaction alter column kind type varchar(32);

-- type: PHYSICAL, VIRTUAL, SERVICE, COUPON, LOTTERY. stock null = unlimited; it only moves through
-- conditional updates (stock - 1 where stock > 0), so it can never go below zero.
-- tiers_allowed: comma-separated, '' = every tier. attributes: a JSON object the pricing rules read.
-- code_source (VIRTUAL, COUPON): POOL (uploaded or pre-generated codes) or GENERATED (made at issue).
create table mall_item (
    id                bigserial     primary key,
    merchant_id       bigint        not null references merchant (id),
    sku               varchar(64)   not null,
    name              varchar(200)  not null,
    description       text          not null default '',
    image_url         varchar(2000),
    type              varchar(16)   not null,
    category          varchar(64)   not null default '',
    base_points       bigint        not null check (base_points >= 0),
    cash_price        numeric(19,4) check (cash_price >= 0),
    stock             bigint        check (stock >= 0),
    per_member_limit  integer       check (per_member_limit > 0),
    tiers_allowed     text          not null default '',
    available_from    timestamptz,
    available_until   timestamptz,
    active            boolean       not null default true,
    attributes        text          not null default '{}',
    code_source       varchar(16),
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    unique (merchant_id, sku)
);

-- Prizes of a LOTTERY item: probability per draw, their own stock (null = unlimited). Replaced prizes
-- are retired, never deleted: draws refer to them.
create table lottery_prize (
    id           bigserial    primary key,
    item_id      bigint       not null references mall_item (id),
    position     integer      not null,
    name         varchar(200) not null,
    probability  numeric(7,6) not null check (probability > 0 and probability <= 1),
    stock        bigint       check (stock >= 0),
    retired_at   timestamptz
);
create index lottery_prize_by_item on lottery_prize (item_id, position) where retired_at is null;

-- One redemption order = one unit of one item for one member, paid by one REDEMPTION transaction
-- (external_id is that transaction's id, the request's idempotency key).
-- status: ISSUED (codes, services), PENDING_SHIPMENT, SHIPPED, DELIVERED (physical), DRAWN (lottery),
-- CANCELLED, RETURNED.
create table redemption_order (
    id                     bigserial     primary key,
    merchant_id            bigint        not null references merchant (id),
    external_id            varchar(128)  not null,
    member_id              bigint        not null references member (id),
    item_id                bigint        not null references mall_item (id),
    transaction_id         bigint        not null references loyalty_transaction (id),
    rule_version_id        bigint        references rule_version (id),
    status                 varchar(24)   not null,
    points                 bigint        not null check (points >= 0),
    cash                   numeric(19,4) not null default 0,
    payment_option         integer       not null default 0,
    discounts              text          not null default '[]',
    code                   varchar(200),
    shipping_address       text,
    carrier                varchar(100),
    tracking_number        varchar(100),
    shipped_at             timestamptz,
    delivered_at           timestamptz,
    cancelled_at           timestamptz,
    cancel_transaction_id  bigint        references loyalty_transaction (id),
    cancel_reason          text,
    points_restored        bigint,
    expired_meanwhile      bigint,
    created_at             timestamptz   not null default now(),
    updated_at             timestamptz   not null default now(),
    unique (merchant_id, external_id)
);
create index redemption_order_by_member on redemption_order (member_id, id);
create index redemption_order_by_member_item on redemption_order (member_id, item_id) where cancelled_at is null;

-- Codes of VIRTUAL and COUPON items (pooled or generated) and booking codes of services. A code is issued
-- once (order_id set once); a voided code (its order cancelled) is never issued again.
create table mall_code (
    id          bigserial     primary key,
    item_id     bigint        not null references mall_item (id),
    code        varchar(200)  not null,
    order_id    bigint        references redemption_order (id),
    issued_at   timestamptz,
    voided_at   timestamptz,
    created_at  timestamptz   not null default now(),
    unique (item_id, code)
);
create index mall_code_free on mall_code (item_id, id) where order_id is null and voided_at is null;

-- Every lottery draw, for audit: the secure random number drawn (uniform in [0, 1,000,000)), the prize
-- table it was drawn against (each prize's range of numbers) and the outcome: WON (and the prize's stock
-- after it), NO_PRIZE (the number fell outside every prize), OUT_OF_STOCK (it fell on a prize with none left).
create table lottery_draw (
    id            bigserial    primary key,
    merchant_id   bigint       not null references merchant (id),
    item_id       bigint       not null references mall_item (id),
    member_id     bigint       not null references member (id),
    order_id      bigint       not null unique references redemption_order (id),
    random_value  integer      not null check (random_value >= 0 and random_value < 1000000),
    odds          text         not null,
    prize_id      bigint       references lottery_prize (id),
    outcome       varchar(16)  not null,
    prize_stock_after bigint,
    drawn_at      timestamptz  not null
);
create index lottery_draw_by_item on lottery_draw (item_id, id);
