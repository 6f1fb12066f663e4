-- Sections: the outlet's desks. One level of nesting (regional > kazakhstan) is what the
-- newsroom uses today; parent is a plain foreign key so deeper trees stay possible.
create table sections (
    slug        text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text not null,
    description text not null default '',
    parent      text references sections (slug),
    language    text not null default 'en',
    position    integer not null default 0
);

-- Articles as the newsroom last sent them. The id never changes (feeds use it as guid);
-- seq is the id of the event that published the article and orders every list and page.
create table articles (
    id             uuid primary key default gen_random_uuid(),
    slug           text not null unique,
    external_id    text unique,
    section        text not null references sections (slug),
    title          text not null,
    summary        text not null default '',
    body_html      text not null default '',
    url            text not null,
    authors        text[] not null default '{}',
    language       text not null default 'en',
    image_url      text,
    image_caption  text,
    image_credit   text,
    image_license  text,
    tags           text[] not null default '{}',
    source_name    text,
    source_url     text,
    published_at   timestamptz not null,
    updated_at     timestamptz not null,
    status         text not null check (status in ('scheduled', 'published', 'retracted')),
    version        integer not null default 1,
    seq            bigint unique,
    content_hash   text not null
);

create index articles_listing on articles (section, seq desc) where status = 'published';
create index articles_listing_all on articles (seq desc) where status = 'published';
create index articles_due on articles (published_at) where status = 'scheduled';

-- The outbox. Ids are assigned as max(id) + 1 while holding a transaction-scoped advisory
-- lock, so they become visible in commit order with no gaps: a reader that has seen id n
-- can ask for id > n and never skip one.
create table article_events (
    id               bigint primary key,
    type             text not null check (type in ('published', 'updated', 'retracted')),
    article_id       uuid not null references articles (id),
    section          text not null references sections (slug),
    previous_section text references sections (slug),
    headline         jsonb not null,
    created_at       timestamptz not null default clock_timestamp()
);

create index article_events_section on article_events (section, id);
