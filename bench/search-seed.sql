-- Seeds :articles published articles straight into Herald's store for the search part of
-- bench/feeds.sh: half Russian, four tenths English, a tenth Kazakh, made of phrases of
-- the newsroom vocabulary in bench/search-words.txt (passed as :ru, :en and :kk) whose
-- words have Zipf-like frequencies (rank k drawn with probability about 1/k), so some
-- query words match a third of the articles and others a few hundred. Their seq starts
-- after :first_seq, past any event id, as no event announces them.
select setseed(0.42);

create table search_bench_vocabulary as
select 'ru' as lang, string_to_array(:'ru', ' ') as words
union all select 'en', string_to_array(:'en', ' ')
union all select 'kk', string_to_array(:'kk', ' ');

-- 2,000 ten-word phrases per language; an article is a pick of 18 of them.
create temporary table phrases as
select lang, p, string_agg(words[floor(exp(random() * ln(array_length(words, 1) + 1)))::int], ' ') as phrase
from search_bench_vocabulary
cross join generate_series(0, 1999) p
cross join generate_series(1, 10) word
group by lang, p;
create index on phrases (lang, p);

insert into articles (slug, external_id, section, title, summary, body_html, url, authors, language,
    tags, source_name, source_url, published_at, updated_at, status, version, seq, content_hash)
select 'search-bench-' || n, 'search-bench-' || n,
       (array['kazakhstan', 'russia', 'middle-east', 'europe', 'americas', 'regional', 'world'])[1 + n % 7],
       pick[1], pick[2] || ' ' || pick[3],
       '<p>' || array_to_string(pick[4:11], ' ') || '</p><p>' || array_to_string(pick[12:18], ' ') || '</p>',
       'https://news.example/search-bench/' || n, array['Bench Desk'], lang, array['Benchmark'],
       'Orda.kz', 'https://orda.kz/', timestamptz '2025-01-01' + n * interval '1 minute',
       timestamptz '2025-01-01' + n * interval '1 minute', 'published', 1, :first_seq + n, md5(n::text)
from generate_series(1, :articles) n
cross join lateral (select case when n % 10 < 5 then 'ru' when n % 10 < 9 then 'en' else 'kk' end as lang) l
cross join lateral (select array_agg(phrase order by k) as pick
                    from generate_series(1, 18) k
                    join phrases on phrases.lang = l.lang
                        and phrases.p = (n * 7919 + k * 104729 + k * k * n) % 2000) picked;

-- VACUUM, not only ANALYZE: the planner reads a GIN index's size from its metapage, which
-- only VACUUM updates (autovacuum does in production).
vacuum analyze articles;
