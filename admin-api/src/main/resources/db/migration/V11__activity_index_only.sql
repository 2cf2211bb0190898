-- The posting read sums a member's history (rolling 12-month and year spend, points today and this
-- month, event counts). With the columns it sums in the index, PostgreSQL answers it from the index
-- alone (an index-only scan) instead of one heap page per transaction: a third of the read's cost at
-- ~35 transactions per member (BENCHMARKS.md, section 4, "Index-only activity read").
-- Index-only scans skip the heap only for pages the visibility map marks all-visible, which vacuum
-- sets; vacuum this insert-mostly table after 2 % new rows rather than the default 20 %.
-- Building the index blocks writes to the table while it runs (docs/operations.md, "Upgrading").
drop index loyalty_transaction_by_member;
create index loyalty_transaction_by_member on loyalty_transaction (member_id, occurred_at)
    include (kind, amount, total_points, event_type);
alter table loyalty_transaction set (autovacuum_vacuum_insert_scale_factor = 0.02);
