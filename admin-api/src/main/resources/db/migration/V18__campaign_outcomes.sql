-- Jifen schema v18: what became of the points a campaign awarded, and the sales a campaign is measured
-- against (docs/campaigns.md, "Metrics").

-- The points of a campaign's lots later spent on redemptions and debits (net of cancellations) and
-- expired, per merchant-local day of the spending or expiry. A posting's points form one lot; the
-- campaign's part of it is its share (campaign_award.points / point_lot.points), so the lot's spending
-- and expiry count for the campaign at that share. The fractions are kept (numeric) and rounded once, on
-- the totals. Written by the ledger's own statements (Ledger, through CampaignLotUse); 16 slots by
-- member so that concurrent redemptions of one campaign's points do not queue for one row.
create table campaign_lot_use (
    campaign_id  bigint    not null references campaign (id),
    day          date      not null,
    slot         smallint  not null check (slot between 0 and 15),
    redeemed     numeric   not null default 0,
    expired      numeric   not null default 0,
    primary key (campaign_id, day, slot)
);

-- Sales per merchant, merchant-local day of the purchase (or refund) and the member's tier when the
-- purchase was evaluated: a rollup of loyalty_transaction by id range (IdRangeRollup), so a campaign's
-- sales in its window and in the same length of time before it are a handful of rows per request.
create table sales_rollup (
    id              integer     primary key check (id = 1),
    rolled_through  bigint      not null default 0,
    candidate_id    bigint,
    candidate_at    timestamptz
);
insert into sales_rollup (id) values (1);

create table sales_day (
    merchant_id  bigint         not null references merchant (id),
    day          date           not null,
    tier         varchar(64)    not null,
    purchases    bigint         not null,
    sales        numeric(19,4)  not null,
    refunds      bigint         not null,
    refunded     numeric(19,4)  not null,
    primary key (merchant_id, day, tier)
);
