-- Audience counting, one row per day (UTC). Nothing here names a client: direct clients are
-- HyperLogLog sketches of salted hashes, aggregators are named from a fixed table.

-- Each instance's sketch of the distinct direct clients of a feed on a day, rewritten whole
-- on every flush; a feed's clients are the union of its instances' sketches.
create table audience_clients (
    day         date        not null,
    scope       text        not null,
    format      text        not null,
    filter      text        not null,
    instance_id uuid        not null,
    sketch      bytea       not null,
    flushed_at  timestamptz not null,
    primary key (day, scope, format, filter, instance_id)
);

-- The latest figure each aggregator reported for one of its feed ids on a day.
create table audience_subscribers (
    day         date        not null,
    scope       text        not null,
    format      text        not null,
    filter      text        not null,
    aggregator  text        not null,
    feed_id     text        not null,
    subscribers integer     not null check (subscribers >= 0),
    seen_at     timestamptz not null,
    primary key (day, scope, format, filter, aggregator, feed_id)
);

-- The day's peak of live ticker readers per section ('outlet' for every section).
create table audience_live (
    day   date    not null,
    scope text    not null,
    peak  integer not null check (peak >= 0),
    primary key (day, scope)
);

-- The deployment's secret salt for client hashes, made once and shared by every instance.
create table audience_salt (
    id   integer primary key check (id = 1),
    salt bytea   not null
);
