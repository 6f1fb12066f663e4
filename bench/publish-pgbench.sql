-- The statements Herald runs to create one article, issued raw by pgbench against the same
-- embedded PostgreSQL: insert unless the slug or external id is taken, then one statement that
-- takes the next outbox id from the counter row, appends the event with NOTIFY and assigns seq,
-- in one transaction. The reference for
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
WITH next AS (
    UPDATE article_event_counter SET last_id = last_id + 1 RETURNING last_id
), appended AS (
    INSERT INTO article_events (id, type, article_id, section, previous_section, headline)
    SELECT last_id, 'published', ':article_id', 'europe', NULL,
        '{"title":"Budget passes second reading","section":"europe","version":1}'::jsonb
    FROM next
    RETURNING id
), sequenced AS (
    UPDATE articles SET seq = (SELECT id FROM appended) WHERE id = ':article_id'
)
SELECT id AS event_id, pg_notify('article_events', id::text) FROM appended \gset
END;
