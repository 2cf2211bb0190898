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
