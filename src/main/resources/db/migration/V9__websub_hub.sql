-- Herald's own WebSub hub. A subscription exists once its intent was verified; a pending
-- request lives only in the memory of the instance verifying it (the subscriber retries).
create table websub_subscriptions (
    id            bigserial primary key,
    topic         text not null,
    -- The public base URL the topic was subscribed under, so content is rendered with the
    -- same absolute links the subscriber saw.
    base          text not null,
    callback      text not null,
    callback_host text not null,
    secret        text,
    lease_seconds integer not null,
    verified_at   timestamptz not null default clock_timestamp(),
    expires_at    timestamptz not null,
    unique (topic, callback)
);

create index websub_subscriptions_host on websub_subscriptions (callback_host);

-- The push engine: one payload per (channel, topic, event), shared by every delivery of
-- it. The unique key makes enqueueing idempotent: every instance sees every event, the
-- first to insert the payload creates its deliveries in the same statement, and the
-- others insert nothing.
create table push_payloads (
    id           bigserial primary key,
    channel      text not null,
    topic        text not null,
    event_id     bigint not null,
    published_at timestamptz not null,
    content_type text not null,
    headers      jsonb not null,
    body         bytea not null,
    created_at   timestamptz not null default clock_timestamp(),
    unique (channel, topic, event_id)
);

-- One row per (payload, destination) until it is delivered (then deleted) or abandoned.
-- A claim pushes next_attempt_at past the claim lease, so a row claimed by an instance
-- that died becomes due again by itself.
create table push_deliveries (
    id              bigserial primary key,
    payload_id      bigint references push_payloads (id) on delete set null,
    channel         text not null,
    subscriber      bigint not null,
    destination     text not null,
    secret          text,
    state           text not null default 'queued' check (state in ('queued', 'abandoned')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    claimed_by      text,
    last_error      text,
    created_at      timestamptz not null default clock_timestamp()
);

create index push_deliveries_due on push_deliveries (next_attempt_at) where state = 'queued';
create index push_deliveries_subscriber on push_deliveries (channel, subscriber);
create index push_deliveries_payload on push_deliveries (payload_id);
