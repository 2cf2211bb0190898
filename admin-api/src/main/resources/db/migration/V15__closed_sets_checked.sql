-- Jifen schema v15: every closed-set text column says which values it takes, so a typo in a query or
-- a hand-made fix cannot store a kind, status or type that the service would not read back. The
-- values are the names of the enums that write them (admin-api), or the literals the SQL writes;
-- ClosedSetsAreCheckedTest tries a wrong value in each column. Adding a value to one of these sets
-- needs a migration that replaces its constraint.
-- Not checked here: activation.suite_gate (V13 checks it), simulation_run.status and baseline_kind
-- (V14 checks them), member.tier (the merchant's own tier names), audit_log.action (a log's
-- vocabulary, which grows with every feature), webhook.event_types (a comma-separated list).
-- Each ADD CONSTRAINT scans its table under an exclusive lock until this migration commits: on a
-- large ledger, plan the upgrade for a quiet moment (docs/operations.md, "Upgrading").

alter table merchant
    add constraint merchant_rounding_check_values
        check (rounding in ('DOWN', 'UP', 'FLOOR', 'CEILING', 'HALF_UP', 'HALF_DOWN', 'HALF_EVEN')),
    add constraint merchant_stacking_check_values
        check (stacking in ('ADDITIVE', 'COMPOUND')),
    add constraint merchant_expiry_policy_check_values
        check (expiry_policy in ('NEVER', 'ROLLING_MONTHS', 'END_OF_MONTH_AFTER_MONTHS', 'END_OF_YEAR_AFTER_MONTHS')),
    add constraint merchant_shortfall_policy_check_values
        check (shortfall_policy in ('ALLOW_NEGATIVE', 'TAKE_AVAILABLE'));

alter table api_key
    add constraint api_key_role_check_values
        check (role in ('ADMIN', 'MARKETING', 'INTEGRATOR', 'QA'));

alter table member
    add constraint member_status_check_values
        check (status in ('ACTIVE', 'FROZEN'));

alter table loyalty_transaction
    add constraint loyalty_transaction_kind_check_values
        check (kind in ('PURCHASE', 'EVENT', 'REFUND', 'ADJUSTMENT', 'DEBIT', 'DEBIT_CANCEL', 'TRANSFER',
                        'REDEMPTION', 'REDEMPTION_CANCEL'));

alter table ledger_entry
    add constraint ledger_entry_kind_check_values
        check (kind in ('EARN', 'REVERSE', 'ADJUST', 'DEBIT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RELEASE', 'EXPIRE',
                        'RESTORE')),
    add constraint ledger_entry_bucket_check_values
        check (bucket in ('AVAILABLE', 'PENDING'));

-- a cause with _RETAINED: the review (or a manual change) kept the member in its tier for another period
alter table tier_change
    add constraint tier_change_cause_check_values
        check (cause in ('PURCHASE', 'REVIEW', 'MANUAL', 'REVIEW_RETAINED', 'MANUAL_RETAINED'));

alter table outbox_event
    add constraint outbox_event_type_check_values
        check (type in ('points.earned', 'points.redeemed', 'points.expired', 'points.reversed', 'points.restored',
                        'points.adjusted', 'points.transferred', 'tier.changed', 'balance.threshold-crossed',
                        'redemption.status-changed'));

alter table mall_item
    add constraint mall_item_type_check_values
        check (type in ('PHYSICAL', 'VIRTUAL', 'SERVICE', 'COUPON', 'LOTTERY')),
    add constraint mall_item_code_source_check_values
        check (code_source in ('POOL', 'GENERATED'));

alter table redemption_order
    add constraint redemption_order_status_check_values
        check (status in ('ISSUED', 'PENDING_SHIPMENT', 'SHIPPED', 'DELIVERED', 'DRAWN', 'CANCELLED', 'RETURNED'));

alter table lottery_draw
    add constraint lottery_draw_outcome_check_values
        check (outcome in ('WON', 'NO_PRIZE', 'OUT_OF_STOCK'));
