-- The weighted full-text document of a job: title (A) > tags (B) > text (C).
-- Declared IMMUTABLE so a generated column can use it (array_to_string alone is only STABLE;
-- with a fixed separator and the 'english' configuration named, the result depends only on
-- the arguments). Text is capped well under tsvector's 1 MB limit.
CREATE OR REPLACE FUNCTION aura_job_search_vector(title text, tags text[], description text)
RETURNS tsvector
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
  SELECT
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, left(coalesce(description, ''), 100000)), 'C')
$$;
