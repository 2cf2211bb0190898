-- Outbox pruning (OutboxPruning) looks up an event's deliveries by event; the unique key on
-- (webhook_id, event_id) cannot serve that.
create index webhook_delivery_by_event on webhook_delivery (event_id);
