-- Every deployment serves these sections; articles reference them by slug.
insert into sections (slug, title, description, parent, language, position) values
    ('regional', 'Regional', 'News from Kazakhstan and Central Asia', null, 'en', 1),
    ('kazakhstan', 'Kazakhstan', 'Politics, economy and society in Kazakhstan', 'regional', 'en', 2),
    ('world', 'World', 'International news', null, 'en', 3),
    ('russia', 'Russia', 'News from Russia', 'world', 'en', 4),
    ('middle-east', 'Middle East', 'News from the Middle East', 'world', 'en', 5),
    ('europe', 'Europe', 'News from Europe', 'world', 'en', 6),
    ('americas', 'Americas', 'News from the Americas', 'world', 'en', 7);
