-- Full-text search over articles. Each article is indexed with the text-search
-- configuration of its language, so a Russian article is stemmed as Russian; languages
-- PostgreSQL has no stemmer for (Kazakh, Uzbek, Ukrainian, ...) fall back to 'simple',
-- which only lower-cases. A language tag is read by its primary subtag ('en-GB' is 'en').
create function article_search_config(language text) returns regconfig
    language sql immutable parallel safe
return case lower(split_part(language, '-', 1))
    when 'ar' then 'arabic'::regconfig
    when 'hy' then 'armenian'::regconfig
    when 'eu' then 'basque'::regconfig
    when 'ca' then 'catalan'::regconfig
    when 'da' then 'danish'::regconfig
    when 'nl' then 'dutch'::regconfig
    when 'en' then 'english'::regconfig
    when 'fi' then 'finnish'::regconfig
    when 'fr' then 'french'::regconfig
    when 'de' then 'german'::regconfig
    when 'el' then 'greek'::regconfig
    when 'hi' then 'hindi'::regconfig
    when 'hu' then 'hungarian'::regconfig
    when 'id' then 'indonesian'::regconfig
    when 'ga' then 'irish'::regconfig
    when 'it' then 'italian'::regconfig
    when 'lt' then 'lithuanian'::regconfig
    when 'ne' then 'nepali'::regconfig
    when 'no' then 'norwegian'::regconfig
    when 'nb' then 'norwegian'::regconfig
    when 'nn' then 'norwegian'::regconfig
    when 'pt' then 'portuguese'::regconfig
    when 'ro' then 'romanian'::regconfig
    when 'ru' then 'russian'::regconfig
    when 'sr' then 'serbian'::regconfig
    when 'es' then 'spanish'::regconfig
    when 'sv' then 'swedish'::regconfig
    when 'ta' then 'tamil'::regconfig
    when 'tr' then 'turkish'::regconfig
    when 'yi' then 'yiddish'::regconfig
    else 'simple'::regconfig
end;

-- Text-search configurations lower-case with the database's LC_CTYPE, and a database
-- created with the C locale (as an embedded one is unless told otherwise) lower-cases
-- ASCII only, so "Выборы" would never match "выборы". Folding first with PostgreSQL's own
-- Unicode case mapping makes search the same on every database.
create function article_search_fold(text text) returns text
    language sql immutable parallel safe
return lower(text collate pg_c_utf8);

-- A reader's query is in no known language, so it is read with every configuration
-- above and matches an article when one reading does: "выборы" read as Russian finds an
-- article's "выборов", "elections" read as English finds "election", and the 'simple'
-- reading finds a Kazakh word as written. Most configurations read most words alike, and
-- every reading is checked against every candidate row, so equal readings are kept once
-- ("выборы" gives three: as written, the Russian stem, the Serbian transliteration).
-- Keep this list and the one above the same set.
create function article_search_readings(query text) returns tsquery
    language sql immutable parallel safe
return (
    select coalesce(string_agg(distinct '(' || reading::text || ')', ' | ')::tsquery, ''::tsquery)
    from unnest(array[
            'simple'::regconfig, 'arabic'::regconfig, 'armenian'::regconfig, 'basque'::regconfig,
            'catalan'::regconfig, 'danish'::regconfig, 'dutch'::regconfig, 'english'::regconfig,
            'finnish'::regconfig, 'french'::regconfig, 'german'::regconfig, 'greek'::regconfig,
            'hindi'::regconfig, 'hungarian'::regconfig, 'indonesian'::regconfig, 'irish'::regconfig,
            'italian'::regconfig, 'lithuanian'::regconfig, 'nepali'::regconfig, 'norwegian'::regconfig,
            'portuguese'::regconfig, 'romanian'::regconfig, 'russian'::regconfig, 'serbian'::regconfig,
            'spanish'::regconfig, 'swedish'::regconfig, 'tamil'::regconfig, 'turkish'::regconfig,
            'yiddish'::regconfig]) as configuration,
        websearch_to_tsquery(configuration, query) as reading
    where numnode(reading) > 0);

-- What Herald's search SQL calls: a reader's words, folded as articles are.
create function article_search_query(query text) returns tsquery
    language sql immutable parallel safe
return article_search_readings(article_search_fold(query));

-- array_to_string is only stable because some element types print differently with
-- settings; text does not.
create function article_search_names(names text[]) returns text
    language sql immutable parallel safe
return array_to_string(names, ' ');

-- What is searched: headline, summary, authors, the wire source and the body's text.
-- Tags and entities are replaced by spaces rather than decoded: the words around them
-- are what readers search for. The body is indexed up to its first 100,000 characters, so
-- that no article can exceed the 1 MB a tsvector may hold and fail to be stored.
alter table articles add column search tsvector generated always as (
    to_tsvector(article_search_config(language), article_search_fold(
        title || E'\n' || summary || E'\n' || article_search_names(authors) || E'\n'
        || coalesce(source_name, '') || E'\n'
        || regexp_replace(left(body_html, 100000), '<[^>]*>|&#?[a-zA-Z0-9]+;', ' ', 'g')))
) stored;

-- Search lists published articles only, newest first, like every other list.
create index articles_search on articles using gin (search) where status = 'published';
