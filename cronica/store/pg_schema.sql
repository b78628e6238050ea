-- cronica store on PostgreSQL, version 2: the same tables and columns as the embedded
-- SQLite store (migrations/0001_initial.sql), so the same queries read both. Differences:
-- row ids come from sequences (the loader takes them in blocks for COPY), and full-text
-- search is a stored tsvector per document, built with the document's own language.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The text search configuration of a document language (es: spanish, en: english, other: simple).
CREATE OR REPLACE FUNCTION cronica_ts_config(lang TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang WHEN 'es' THEN 'spanish'::regconfig
                     WHEN 'en' THEN 'english'::regconfig
                     ELSE 'simple'::regconfig END
$$;

-- SQLite's group_concat(value, separator), so that the export queries read both stores.
CREATE OR REPLACE FUNCTION cronica_concat(acc TEXT, value TEXT, sep TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || sep || value END
$$;
CREATE OR REPLACE AGGREGATE group_concat(TEXT, TEXT) (SFUNC = cronica_concat, STYPE = TEXT);

CREATE SEQUENCE IF NOT EXISTS documents_doc_rowid_seq;
CREATE TABLE IF NOT EXISTS documents (
    doc_rowid    BIGINT PRIMARY KEY DEFAULT nextval('documents_doc_rowid_seq'),
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    source       TEXT,
    title        TEXT,
    published    TEXT,
    lang         TEXT,
    content_hash TEXT NOT NULL,
    text_hash    TEXT NOT NULL,
    record       TEXT NOT NULL,
    tsv          TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector(cronica_ts_config(lang), COALESCE(title, '')), 'A') ||
        setweight(to_tsvector(cronica_ts_config(lang), COALESCE(record::jsonb ->> 'text', '')), 'B')
    ) STORED
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents(text_hash);
CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING GIN (tsv);
-- The embedded store keeps records in their own table; the same name reads them here.
CREATE OR REPLACE VIEW document_records AS SELECT doc_rowid, record FROM documents;

CREATE TABLE IF NOT EXISTS entities (
    key     TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT,
    country TEXT,
    n_docs  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country);

CREATE TABLE IF NOT EXISTS doc_entities (
    doc_rowid  BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT,
    country    TEXT,
    role       TEXT,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_rowid, local_id)
);
CREATE INDEX IF NOT EXISTS doc_entities_key ON doc_entities(key, doc_rowid);

CREATE TABLE IF NOT EXISTS entity_aliases (
    name_norm TEXT NOT NULL,
    key       TEXT NOT NULL,
    alias     TEXT NOT NULL,
    doc_rowid BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS entity_aliases_name ON entity_aliases(name_norm, key);
CREATE INDEX IF NOT EXISTS entity_aliases_key ON entity_aliases(key);
CREATE INDEX IF NOT EXISTS entity_aliases_doc ON entity_aliases(doc_rowid);

CREATE SEQUENCE IF NOT EXISTS stories_story_id_seq;
CREATE TABLE IF NOT EXISTS stories (
    story_id   BIGINT PRIMARY KEY DEFAULT nextval('stories_story_id_seq'),
    signature  TEXT NOT NULL,
    type       TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    n_events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS stories_signature ON stories(signature, date_start);

CREATE SEQUENCE IF NOT EXISTS events_event_rowid_seq;
CREATE TABLE IF NOT EXISTS events (
    event_rowid    BIGINT PRIMARY KEY DEFAULT nextval('events_event_rowid_seq'),
    doc_rowid      BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id       TEXT NOT NULL,
    story_id       BIGINT REFERENCES stories(story_id),
    type           TEXT NOT NULL,
    mode           TEXT,
    status         TEXT,
    date_start     TEXT,
    date_end       TEXT,
    granularity    TEXT,
    when_text      TEXT,
    sort_date      TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    evidence       TEXT,
    confidence     DOUBLE PRECISION
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_rowid);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, sort_date);

CREATE TABLE IF NOT EXISTS event_entities (
    key         TEXT NOT NULL,
    sort_date   TEXT NOT NULL,
    event_rowid BIGINT NOT NULL REFERENCES events(event_rowid) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT,
    doc_rowid   BIGINT NOT NULL,
    PRIMARY KEY (key, sort_date, event_rowid, role)
);
CREATE INDEX IF NOT EXISTS event_entities_event ON event_entities(event_rowid);
CREATE INDEX IF NOT EXISTS event_entities_doc ON event_entities(doc_rowid);
CREATE INDEX IF NOT EXISTS event_entities_country ON event_entities(country, role, event_rowid);

CREATE SEQUENCE IF NOT EXISTS quantities_qty_rowid_seq;
CREATE TABLE IF NOT EXISTS quantities (
    qty_rowid   BIGINT PRIMARY KEY DEFAULT nextval('quantities_qty_rowid_seq'),
    doc_rowid   BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    event_rowid BIGINT REFERENCES events(event_rowid) ON DELETE SET NULL,
    text        TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    min         DOUBLE PRECISION,
    max         DOUBLE PRECISION,
    approx      INTEGER NOT NULL DEFAULT 0,
    unit        TEXT,
    unit_norm   TEXT,
    published   TEXT,
    source      TEXT
);
CREATE INDEX IF NOT EXISTS quantities_doc ON quantities(doc_rowid);
CREATE INDEX IF NOT EXISTS quantities_event ON quantities(event_rowid);
CREATE INDEX IF NOT EXISTS quantities_unit ON quantities(unit_norm, published);

CREATE TABLE IF NOT EXISTS times (
    doc_rowid   BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    text        TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    date_start  TEXT,
    date_end    TEXT,
    granularity TEXT,
    PRIMARY KEY (doc_rowid, local_id)
);
CREATE INDEX IF NOT EXISTS times_date ON times(date_start);

CREATE TABLE IF NOT EXISTS flags (
    doc_rowid  BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT,
    start_char INTEGER,
    end_char   INTEGER
);
CREATE INDEX IF NOT EXISTS flags_doc ON flags(doc_rowid);
CREATE INDEX IF NOT EXISTS flags_kind ON flags(kind);

CREATE TABLE IF NOT EXISTS duplicates (
    doc_rowid BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    copy_id   TEXT NOT NULL,
    url       TEXT,
    source    TEXT,
    PRIMARY KEY (doc_rowid, copy_id)
);
CREATE INDEX IF NOT EXISTS duplicates_copy ON duplicates(copy_id);

-- Version 2: the same story in several languages (migrations/0002_language_links.sql).
CREATE TABLE IF NOT EXISTS xlang_signatures (
    doc_rowid BIGINT PRIMARY KEY REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    lang      TEXT NOT NULL,
    day       TEXT NOT NULL,
    lead      TEXT NOT NULL,
    keys      TEXT NOT NULL,
    numbers   TEXT NOT NULL,
    days      TEXT NOT NULL,
    events    TEXT NOT NULL,
    embedding BYTEA
);

CREATE TABLE IF NOT EXISTS xlang_keys (
    key       TEXT NOT NULL,
    day       TEXT NOT NULL,
    doc_rowid BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    lang      TEXT NOT NULL,
    PRIMARY KEY (key, day, doc_rowid)
);
CREATE INDEX IF NOT EXISTS xlang_keys_doc ON xlang_keys(doc_rowid);

CREATE TABLE IF NOT EXISTS xlang_links (
    doc_a   BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    doc_b   BIGINT NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    score   DOUBLE PRECISION NOT NULL,
    signals TEXT NOT NULL,
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX IF NOT EXISTS xlang_links_b ON xlang_links(doc_b);

INSERT INTO schema_version (version, name) VALUES (1, 'pg_schema.sql') ON CONFLICT DO NOTHING;
INSERT INTO schema_version (version, name) VALUES (2, 'pg_schema.sql') ON CONFLICT DO NOTHING;
