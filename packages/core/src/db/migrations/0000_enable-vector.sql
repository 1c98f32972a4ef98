-- pgvector where the database offers it (PGlite always, most managed services).
-- A server without the extension still works: vectors are searched in process.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END
$$;
