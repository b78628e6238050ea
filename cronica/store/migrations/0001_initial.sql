-- cronica store, version 1: documents, entities, events, quantities, times, flags,
-- duplicates, stories (one row per event told by several articles) and full-text search.

CREATE TABLE documents (
    doc_rowid    INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    source       TEXT,
    title        TEXT,
    published    TEXT,
    lang         TEXT,
    content_hash TEXT NOT NULL,
    text_hash    TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_text_hash ON documents(text_hash);

-- The whole contract record, apart so that document rows stay small for joins.
CREATE TABLE document_records (
    doc_rowid INTEGER PRIMARY KEY REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    record    TEXT NOT NULL
);

-- Title and body, diacritics folded so 'norcoreanas' finds 'norcoreanas' and 'Kursk' any case.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);

-- One row per canonical entity key (country:PRK, person:sergey lavrov), across articles.
CREATE TABLE entities (
    key     TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT,
    country TEXT,
    n_docs  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entities_country ON entities(country);

-- An entity as one document tells it (its local id, role, mentions).
CREATE TABLE doc_entities (
    doc_rowid  INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT,
    country    TEXT,
    role       TEXT,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_rowid, local_id)
);
CREATE INDEX doc_entities_key ON doc_entities(key, doc_rowid, role);

-- Every name and alias an entity goes by, folded for lookup.
CREATE TABLE entity_aliases (
    name_norm TEXT NOT NULL,
    key       TEXT NOT NULL,
    alias     TEXT NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE
);
CREATE INDEX entity_aliases_name ON entity_aliases(name_norm, key);
CREATE INDEX entity_aliases_key ON entity_aliases(key, name_norm, alias);
CREATE INDEX entity_aliases_doc ON entity_aliases(doc_rowid);

-- The same event (type, actors, targets, overlapping dates) told by several articles.
CREATE TABLE stories (
    story_id   INTEGER PRIMARY KEY,
    signature  TEXT NOT NULL,
    type       TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    n_events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_signature ON stories(signature, date_start);

CREATE TABLE events (
    event_rowid    INTEGER PRIMARY KEY,
    doc_rowid      INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id       TEXT NOT NULL,
    story_id       INTEGER REFERENCES stories(story_id),
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
    confidence     REAL
);
CREATE INDEX events_doc ON events(doc_rowid);
CREATE INDEX events_story ON events(story_id, sort_date, event_rowid);
CREATE INDEX events_type_date ON events(type, sort_date);

-- Event to entity links (actor, target, place), with date and type copied for fast timelines.
CREATE TABLE event_entities (
    key         TEXT NOT NULL,
    sort_date   TEXT,
    event_rowid INTEGER NOT NULL REFERENCES events(event_rowid) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT,
    doc_rowid   INTEGER NOT NULL,
    PRIMARY KEY (key, sort_date, event_rowid, role)
) WITHOUT ROWID;
CREATE INDEX event_entities_event ON event_entities(event_rowid);
CREATE INDEX event_entities_doc ON event_entities(doc_rowid);
CREATE INDEX event_entities_country ON event_entities(country, role, event_rowid);

CREATE TABLE quantities (
    qty_rowid   INTEGER PRIMARY KEY,
    doc_rowid   INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    event_rowid INTEGER REFERENCES events(event_rowid) ON DELETE SET NULL,
    text        TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    min         REAL,
    max         REAL,
    approx      INTEGER NOT NULL DEFAULT 0,
    unit        TEXT,
    unit_norm   TEXT,
    published   TEXT,
    source      TEXT
);
CREATE INDEX quantities_doc ON quantities(doc_rowid);
CREATE INDEX quantities_event ON quantities(event_rowid);
CREATE INDEX quantities_unit ON quantities(unit_norm, published);

CREATE TABLE times (
    doc_rowid   INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    text        TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    date_start  TEXT,
    date_end    TEXT,
    granularity TEXT,
    PRIMARY KEY (doc_rowid, local_id)
);
CREATE INDEX times_date ON times(date_start);

CREATE TABLE flags (
    doc_rowid  INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT,
    start_char INTEGER,
    end_char   INTEGER
);
CREATE INDEX flags_doc ON flags(doc_rowid);
CREATE INDEX flags_kind ON flags(kind);

-- Copies of a stored document published elsewhere (same text, other url or outlet).
CREATE TABLE duplicates (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    copy_id   TEXT NOT NULL,
    url       TEXT,
    source    TEXT,
    PRIMARY KEY (doc_rowid, copy_id)
);
CREATE INDEX duplicates_copy ON duplicates(copy_id);
