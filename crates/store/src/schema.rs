//! The database schema. docs/store.md describes every table; keep the two in step.

/// Bumped whenever a table changes; a database of another version is refused, not misread.
pub const SCHEMA_VERSION: i64 = 1;

/// WAL so that a killed process never leaves a half-written transaction; `synchronous =
/// NORMAL` is safe against a process crash in WAL mode. Reads go through `mmap` and a larger
/// cache, and checkpoints happen every 32 MB of WAL rather than 4 MB: at a million mentions
/// these halve the timeline time and cut storing time (docs/benchmarks.md, "Store").
pub const PRAGMAS: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -32768;
PRAGMA mmap_size = 2147418112;
PRAGMA wal_autocheckpoint = 8192;
PRAGMA busy_timeout = 5000;
";

pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS codings (
    id         INTEGER PRIMARY KEY,
    dyad       TEXT NOT NULL,
    knowledge  TEXT NOT NULL,
    models     TEXT NOT NULL,
    first_used TEXT NOT NULL,
    UNIQUE (dyad, knowledge, models)
);

CREATE TABLE IF NOT EXISTS documents (
    id        INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE,
    text      TEXT NOT NULL,
    published TEXT,
    title     TEXT,
    url       TEXT,
    source    TEXT,
    publisher TEXT NOT NULL,
    added     TEXT NOT NULL,
    coding    INTEGER NOT NULL REFERENCES codings (id)
);
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents (doc_id);

CREATE TABLE IF NOT EXISTS sentences (
    document INTEGER NOT NULL REFERENCES documents (id),
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    PRIMARY KEY (document, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS actors (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    sectors TEXT NOT NULL,
    UNIQUE (code, name)
);

CREATE TABLE IF NOT EXISTS mentions (
    id               INTEGER PRIMARY KEY,
    event_id         TEXT NOT NULL,
    document         INTEGER NOT NULL REFERENCES documents (id),
    coding           INTEGER NOT NULL REFERENCES codings (id),
    retired_by       INTEGER REFERENCES codings (id),
    sentence         INTEGER NOT NULL,
    sentence_text    TEXT NOT NULL,
    date             TEXT,
    date_source      TEXT,
    published        TEXT,
    source_actor     INTEGER NOT NULL REFERENCES actors (id),
    source_code      TEXT NOT NULL,
    source_key       TEXT NOT NULL,
    source_text      TEXT NOT NULL,
    source_start     INTEGER NOT NULL,
    source_end       INTEGER NOT NULL,
    target_actor     INTEGER REFERENCES actors (id),
    target_code      TEXT,
    target_key       TEXT,
    target_text      TEXT,
    target_start     INTEGER,
    target_end       INTEGER,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        REAL NOT NULL,
    plover_event     TEXT NOT NULL,
    plover_mode      TEXT,
    trigger_text     TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    location_text    TEXT,
    location_name    TEXT,
    location_country TEXT,
    latitude         REAL,
    longitude        REAL,
    rule             TEXT NOT NULL,
    json             TEXT NOT NULL,
    group_key        TEXT NOT NULL,
    cluster_year     INTEGER NOT NULL,
    group_id         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions (document);
CREATE INDEX IF NOT EXISTS mentions_group ON mentions (group_id) WHERE retired_by IS NULL;

CREATE TABLE IF NOT EXISTS clusters (
    id           INTEGER PRIMARY KEY,
    group_key    TEXT NOT NULL,
    cluster_year INTEGER NOT NULL,
    date         TEXT,
    date_first   TEXT,
    date_last    TEXT,
    source_code  TEXT NOT NULL,
    target_code  TEXT,
    source_key   TEXT NOT NULL,
    target_key   TEXT,
    cameo        TEXT NOT NULL,
    cameo_root   TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    best_mention INTEGER NOT NULL REFERENCES mentions (id),
    first_added  TEXT NOT NULL,
    sentence     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS clusters_dyad ON clusters (source_key, target_key);
CREATE INDEX IF NOT EXISTS clusters_source ON clusters (source_code);
CREATE INDEX IF NOT EXISTS clusters_target ON clusters (target_code);
CREATE INDEX IF NOT EXISTS clusters_date ON clusters (date_first);

-- Which cluster each current mention is in: a narrow table of its own, so that
-- reclustering rewrites small rows rather than whole mentions.
CREATE TABLE IF NOT EXISTS mention_cluster (
    mention INTEGER PRIMARY KEY REFERENCES mentions (id),
    cluster INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS dirty_groups (
    group_key    TEXT NOT NULL,
    cluster_year INTEGER NOT NULL,
    PRIMARY KEY (group_key, cluster_year)
) WITHOUT ROWID;
";
