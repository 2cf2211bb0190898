-- Stored regression suites (issue 13, the rule workbench): a merchant's suites by name, each change
-- an immutable revision. A retired suite keeps its revisions but no longer runs or gates
-- activations; storing it again revives it with a new revision.
create table suite (
    id                bigserial    primary key,
    merchant_id       bigint       not null references merchant (id),
    name              varchar(63)  not null check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    current_revision  integer      not null check (current_revision >= 1),
    created_at        timestamptz  not null,
    created_by        varchar(40)  not null,
    retired_at        timestamptz,
    retired_by        varchar(40),
    constraint suite_retired_by_someone check ((retired_at is null) = (retired_by is null)),
    unique (merchant_id, name)
);

-- `title` is the suite's own `suite:` name (reports show it); `content` the YAML text as stored.
create table suite_revision (
    id              bigserial    primary key,
    suite_id        bigint       not null references suite (id),
    revision        integer      not null check (revision >= 1),
    title           text,
    content         text         not null,
    content_hash    varchar(64)  not null,
    scenario_count  integer      not null check (scenario_count >= 1),
    message         varchar(500) not null default '',
    created_at      timestamptz  not null,
    created_by      varchar(40)  not null,
    unique (suite_id, revision)
);

-- The activation gate: before an activation is stored, every current stored suite runs on the
-- version. NO_SUITES: the merchant had none (every activation made before this migration);
-- PASSED: every scenario passed; OVERRIDDEN: some failed and the caller released it anyway, saying
-- why. The counts are those of that run.
alter table activation
    add column suite_gate      varchar(16)  not null default 'NO_SUITES',
    add column gate_suites     integer      not null default 0 check (gate_suites >= 0),
    add column gate_scenarios  integer      not null default 0 check (gate_scenarios >= 0),
    add column gate_failed     integer      not null default 0 check (gate_failed >= 0 and gate_failed <= gate_scenarios),
    add column override_reason varchar(500);
alter table activation add constraint activation_suite_gate check (case suite_gate
    when 'NO_SUITES' then gate_suites = 0 and override_reason is null
    when 'PASSED' then gate_suites > 0 and gate_failed = 0 and override_reason is null
    when 'OVERRIDDEN' then gate_failed > 0 and override_reason is not null and btrim(override_reason) <> ''
    else false end);
