-- The statements Herald runs to create one article, issued raw by pgbench against the same
-- embedded PostgreSQL: insert unless the slug or external id is taken, outbox append under the
-- advisory lock with NOTIFY, seq assignment, in one transaction. The reference for
-- bench/publish.sh: what the database alone sustains for the same work.
\set n random(1, 2000000000)
BEGIN;
INSERT INTO articles (slug, external_id, section, title, summary, body_html, url, authors, language,
    image_url, image_caption, image_credit, image_license, tags, source_name, source_url,
    published_at, updated_at, status, version, content_hash)
VALUES ('pgbench-:client_id-:n', 'pgbench-:client_id-:n', 'europe', 'Budget passes second reading pgbench-:client_id-:n',
    'Parliament approved next year''s budget; spending on education and healthcare rises.',
    repeat('<p>The Mazhilis approved the draft budget in its second reading on Wednesday.</p>', 20),
    'https://news.example/articles/pgbench-:client_id-:n', '{"Aigerim Sadykova","Desk"}', 'en',
    'https://news.example/img/x.jpg', 'The Mazhilis in session', 'Newsroom', 'CC BY 4.0',
    '{budget,parliament,economy}', 'Orda.kz', 'https://orda.kz/', now(), now(), 'published', 1,
    md5(':n'))
ON CONFLICT DO NOTHING
RETURNING id AS article_id \gset
SELECT pg_advisory_xact_lock(114784919972964);
WITH appended AS (
    INSERT INTO article_events (id, type, article_id, section, previous_section, headline)
    SELECT coalesce(max(id), 0) + 1, 'published', ':article_id', 'europe', NULL,
        '{"title":"Budget passes second reading","section":"europe","version":1}'::jsonb
    FROM article_events
    RETURNING id
)
SELECT id AS event_id, pg_notify('article_events', id::text) FROM appended \gset
UPDATE articles SET seq = :event_id WHERE id = ':article_id' RETURNING id;
END;
