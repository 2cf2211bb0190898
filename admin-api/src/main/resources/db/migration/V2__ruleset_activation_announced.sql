-- Scheduled activations: `announced_at` is set, exactly once, by the instance that claims the
-- activation when it takes effect (ActivationWatcher: UPDATE ... WHERE announced_at IS NULL) and
-- writes the `rule-version.went-live` audit entry in the same transaction.
alter table activation add column announced_at timestamptz;

-- Activations that already took effect before this migration were audited when they were made.
update activation set announced_at = effective_at where effective_at <= now();

-- The watcher's poll: pending, not yet announced activations.
create index activation_pending on activation (effective_at) where announced_at is null and cancelled_at is null;
