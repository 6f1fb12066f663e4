-- Every instance's relay sees every event, but the WebSub hub should hear of each event
-- once, not once per replica. The first instance to set this column for an event pings
-- the hub for it; the others skip it.
alter table article_events add column hub_pinged_at timestamptz;
