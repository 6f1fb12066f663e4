-- Tag, author and language feeds keep exact validators in memory like section feeds: each
-- event says which tags, authors and language the article had after it and, for an update,
-- before it (a re-tag touches the tag it left as well as the one it gained), just as
-- previous_section does for a move. Null previous_* means the same as after.
alter table article_events
    add column tags              text[] not null default '{}',
    add column authors           text[] not null default '{}',
    add column language          text,
    add column previous_tags     text[],
    add column previous_authors  text[],
    add column previous_language text;

-- Older events are backfilled with the article's current state: the best this store knows.
update article_events e
set tags = a.tags, authors = a.authors, language = a.language
from articles a
where a.id = e.article_id;

-- Tag and author feeds read published articles by array overlap.
create index articles_tags on articles using gin (tags) where status = 'published';
create index articles_authors on articles using gin (authors) where status = 'published';
