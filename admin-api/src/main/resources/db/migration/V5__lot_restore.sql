-- Points given back (a cancelled redemption, a returned item) return to the lots they were taken from,
-- keeping their expiry; `restored` records how much of a consumption came back, so it comes back once.
alter table lot_consumption add column restored bigint not null default 0;
alter table lot_consumption add constraint lot_consumption_restored check (restored >= 0 and restored <= points);
