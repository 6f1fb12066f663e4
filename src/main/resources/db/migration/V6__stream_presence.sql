-- How many live streams each instance has open per scope (a section's slug, or '' for the
-- whole outlet), reported every few seconds. A scope's readers are the sum over the
-- instances that reported recently, so an instance that dies drops out by itself.
create table stream_presence (
    instance_id uuid        not null,
    scope       text        not null,
    open        integer     not null check (open >= 0),
    seen_at     timestamptz not null,
    primary key (instance_id, scope)
);
