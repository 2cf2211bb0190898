-- Campaigns (docs/campaigns.md): a window, an audience and budgets for the rules that name the campaign.
-- The counters (awarded, participants, per day, per member) are written by the posting's own statement
-- and by refunds, under the campaign's row lock when it has a total or daily budget, so a budget is never
-- exceeded however many postings race for it.
create table campaign (
    id                  bigserial     primary key,
    merchant_id         bigint        not null references merchant (id),
    code                varchar(64)   not null,
    name                varchar(200)  not null,
    theme               varchar(500),
    -- merchant-local wall-clock times; the window is [starts_at, ends_at)
    starts_at           timestamp     not null,
    ends_at             timestamp     not null,
    -- comma-separated tier names; null: every tier
    audience_tiers      varchar(1000),
    enrolled_from       date,
    enrolled_to         date,
    budget_total        bigint        check (budget_total > 0),
    budget_per_member   bigint        check (budget_per_member > 0),
    budget_per_day      bigint        check (budget_per_day > 0),
    when_exhausted      varchar(16)   not null default 'TRIM'
        constraint campaign_when_exhausted_check_values check (when_exhausted in ('TRIM', 'REFUSE')),
    awarded             bigint        not null default 0 check (awarded >= 0),
    participants        bigint        not null default 0 check (participants >= 0),
    -- when the 80 % warning, the exhaustion, the start and the end were announced (each once)
    warned_at           timestamptz,
    exhausted_at        timestamptz,
    started_event_at    timestamptz,
    ended_event_at      timestamptz,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    unique (merchant_id, code),
    check (ends_at > starts_at),
    check (budget_total is null or awarded <= budget_total)
);

-- Points a campaign awarded per merchant-local day (of the transaction), and the members it reached first that day.
create table campaign_day (
    campaign_id  bigint  not null references campaign (id),
    day          date    not null,
    awarded      bigint  not null default 0 check (awarded >= 0),
    postings     bigint  not null default 0,
    participants bigint  not null default 0,
    primary key (campaign_id, day)
);

-- Points a campaign awarded per member (the per-member budget; participants are members with a row).
create table campaign_member (
    campaign_id  bigint  not null references campaign (id),
    member_id    bigint  not null references member (id),
    awarded      bigint  not null default 0 check (awarded >= 0),
    primary key (campaign_id, member_id)
);

-- What each posting (positive) and refund (negative) charged a campaign: its budget's own ledger.
create table campaign_award (
    transaction_id  bigint  not null references loyalty_transaction (id),
    campaign_id     bigint  not null references campaign (id),
    member_id       bigint  not null references member (id),
    day             date    not null,
    points          bigint  not null,
    primary key (transaction_id, campaign_id)
);
create index campaign_award_by_campaign on campaign_award (campaign_id, day);

-- The mall items of a campaign (their limited-time prices are the campaign's pricing rules).
create table campaign_item (
    campaign_id  bigint  not null references campaign (id),
    item_id      bigint  not null references mall_item (id),
    primary key (campaign_id, item_id)
);

-- a campaign's metrics count the redemptions of its items in its window
create index redemption_order_by_item on redemption_order (item_id, created_at);

-- campaigns announce themselves to webhooks (DomainEvent.TYPES)
alter table outbox_event drop constraint outbox_event_type_check_values;
alter table outbox_event
    add constraint outbox_event_type_check_values
        check (type in ('points.earned', 'points.redeemed', 'points.expired', 'points.reversed', 'points.restored',
                        'points.adjusted', 'points.transferred', 'tier.changed', 'balance.threshold-crossed',
                        'redemption.status-changed', 'campaign.started', 'campaign.ended', 'campaign.budget-warning',
                        'campaign.budget-exhausted'));
