-- An article's updated_at used to start as the moment Herald stored it, so every article
-- loaded in one go (the demo newsroom, a CMS back-fill) shared one "updated" time in the
-- feeds, months after it was published. It now starts as published_at and only an edit or
-- a retraction (both bump version) moves it; a release sets it to published_at.
-- Rows never edited (version 1) get the value they would have had, and so do embargoed
-- articles that were edited before their release: nobody saw those edits, and their
-- updated_at is still earlier than their publication.
update articles
   set updated_at = published_at
 where updated_at <> published_at
   and (version = 1 or (status = 'published' and updated_at < published_at));
