-- cronica store, version 2: the same story published in several languages, linked.
-- Each article keeps its rows; a link joins two articles (one per language) that tell
-- the same story, found by `cronica.store.xlang` from their lead signatures.

-- The language-independent signature of an article's title and lead (see store/signature.py):
-- entity keys, figures, resolved days and event types as JSON lists, and the lead's
-- multilingual embedding (float16 bytes), computed when first needed.
CREATE TABLE xlang_signatures (
    doc_rowid INTEGER PRIMARY KEY REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    lang      TEXT NOT NULL,
    day       TEXT NOT NULL,
    lead      TEXT NOT NULL,
    keys      TEXT NOT NULL,
    numbers   TEXT NOT NULL,
    days      TEXT NOT NULL,
    events    TEXT NOT NULL,
    embedding BLOB
);

-- Blocking: the lead's entity keys by publication day, to find candidates in other
-- languages within a few days without reading every article.
CREATE TABLE xlang_keys (
    key       TEXT NOT NULL,
    day       TEXT NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    lang      TEXT NOT NULL,
    PRIMARY KEY (key, day, doc_rowid)
) WITHOUT ROWID;
CREATE INDEX xlang_keys_doc ON xlang_keys(doc_rowid);

-- One row per linked pair (doc_a < doc_b): the score and the signals it came from (JSON).
CREATE TABLE xlang_links (
    doc_a   INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    doc_b   INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    score   REAL NOT NULL,
    signals TEXT NOT NULL,
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX xlang_links_b ON xlang_links(doc_b);
