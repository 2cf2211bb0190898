-- Jifen schema v4: webhook delivery (docs/api.md, "Webhooks").

-- A delivery still pending when its webhook is disabled is cancelled: never attempted again.
alter table webhook_delivery add column cancelled_at timestamptz;

-- What the dispatcher scans: deliveries neither delivered, failed nor cancelled, by due time.
drop index webhook_delivery_due;
create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where delivered_at is null and failed_at is null and cancelled_at is null;

-- A webhook's recent deliveries, newest first (GET .../webhooks/{id}/deliveries).
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, id);

-- Every posting fans its events out to the merchant's webhooks (Outbox.FAN_OUT).
create index webhook_by_merchant on webhook (merchant_id) where disabled_at is null;
