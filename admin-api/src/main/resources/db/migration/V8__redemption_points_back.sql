-- Points the exchange-pricing rules give back on a redemption (phase reward, e.g. "double points back"
-- during a campaign), credited as a lot of the redemption's transaction; and how many of them a
-- cancellation took back.
alter table redemption_order
    add column points_back           bigint not null default 0,
    add column points_back_reversed  bigint not null default 0;
