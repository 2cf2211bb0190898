-- A code is issued once per merchant, not only once per item: the same voucher batch uploaded to two
-- items is refused for the second (counted as duplicates), so no code can be handed out twice.
alter table mall_code add column merchant_id bigint references merchant (id);
update mall_code c set merchant_id = i.merchant_id from mall_item i where i.id = c.item_id;
-- earlier duplicates across items (none unless a batch was uploaded twice): the later copy is voided
update mall_code c set voided_at = coalesce(c.voided_at, now())
where c.order_id is null and exists (select 1 from mall_code d where d.merchant_id = c.merchant_id and d.code = c.code and d.id < c.id);
alter table mall_code alter column merchant_id set not null;
create unique index mall_code_once_per_merchant on mall_code (merchant_id, code) where voided_at is null or order_id is not null;
