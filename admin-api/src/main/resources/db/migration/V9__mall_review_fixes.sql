-- An order's codes are looked up by order (the order view, voiding on cancellation): an index of their
-- own instead of a scan of every merchant's code pools.
create index mall_code_by_order on mall_code (order_id) where order_id is not null;
