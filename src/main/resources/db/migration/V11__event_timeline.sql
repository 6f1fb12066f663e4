-- Every event remembers the timeline of the database's history it was written on. PostgreSQL
-- starts a new timeline whenever a standby is promoted, so after an asynchronous failover an
-- event id the old primary handed out (and a client saw) and the same id handed out again by
-- the new primary carry different timelines: a stream resume and a feed validator can tell
-- them apart instead of silently taking one for the other.
--
-- The timeline is the first eight hex digits of the current WAL file's name (the WAL insert
-- timeline); pg_control_checkpoint() would lag behind a promotion until its checkpoint.
create function herald_wal_timeline() returns integer
    language sql volatile
    as $$ select ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::integer $$;

-- Events written before this migration are labelled 1: only equality is ever asked of a
-- stored timeline, so the label need not be the one they were really written on.
alter table article_events add column timeline integer not null default 1;
alter table article_events alter column timeline set default herald_wal_timeline();
