-- Per-member lookups of pending lots (the release job) and of expiring lots (the member's
-- "expiring soon" view) use their own indexes instead of filtering a merchant-wide range.
create index point_lot_pending_by_member on point_lot (member_id, available_at) where not released;
create index point_lot_expiring_by_member on point_lot (member_id, expires_at) where remaining > 0;

-- A refund's shortfall (points already spent, policy TAKE_AVAILABLE) is settled when spent points come
-- back to the member (a cancelled debit or redemption): `shortfall_settled` is how much of it was.
alter table loyalty_transaction add column shortfall_settled bigint not null default 0;
create index loyalty_transaction_open_shortfall on loyalty_transaction (member_id) where shortfall > shortfall_settled;
