-- The next outbox id now comes from this single row instead of max(id) + 1 under an advisory
-- lock. Incrementing the row takes its lock in the same statement that inserts the event,
-- and PostgreSQL re-reads a row it had to wait for, so the id is the committed value + 1
-- without a separate lock round trip. The lock is held until the writer's transaction ends:
-- ids still become visible in commit order with no gaps.
create table article_event_counter (
    single_row boolean primary key default true check (single_row),
    last_id    bigint not null
);

insert into article_event_counter (last_id) select coalesce(max(id), 0) from article_events;
