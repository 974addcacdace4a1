//! The store: opening a database, storing coded documents, re-coding, clustering.

use crate::cluster::{cluster_group, group_of, GroupInput, Member, Reciprocity};
use crate::dates::{day_string, PartialDate};
use crate::schema::{PRAGMAS, SCHEMA, SCHEMA_VERSION};
use anyhow::{bail, Context, Result};
use dyad_code::record::{Actor, Event, SourceDocument};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What coded a document: the dyad version and the versions of the knowledge base and models.
/// Stored once per distinct triple (table `codings`); every document and mention points at it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodingVersions {
    /// The dyad release (`env!("CARGO_PKG_VERSION")` of the binary).
    pub dyad: String,
    /// A version or content hash of the knowledge base and dictionaries.
    pub knowledge: String,
    /// A version or content hash of the NLP models.
    pub models: String,
}

/// What [`Store::ingest`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ingested {
    /// The document is new: stored with this many mentions.
    Stored { document: i64, mentions: usize },
    /// A document with the same content hash was already stored; nothing was written.
    AlreadyStored { document: i64 },
}

/// A stored document, as [`Store::documents_after`] gives it back for re-coding.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    /// The store's id of the document (not the input's id, which is `source.id`).
    pub document: i64,
    pub source: SourceDocument,
    /// Sentence spans in characters, as given to `ingest`.
    pub sentences: Vec<(usize, usize)>,
    /// What coded its current mentions.
    pub coding: CodingVersions,
}

/// Counts of what is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub documents: u64,
    pub sentences: u64,
    /// Current mentions (re-coded ones excluded).
    pub mentions: u64,
    pub clusters: u64,
}

/// The content hash of a document: SHA-256 over its text, publisher and URL. Re-ingesting the
/// same article does nothing; the same wire story carried by two publishers is two articles.
pub fn content_hash(doc: &SourceDocument) -> String {
    let mut hasher = Sha256::new();
    hasher.update(doc.text.as_bytes());
    hasher.update([0]);
    hasher.update(doc.source.as_deref().unwrap_or("").as_bytes());
    hasher.update([0]);
    hasher.update(doc.url.as_deref().unwrap_or("").as_bytes());
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The publisher NumSources counts: the document's `source`, else its URL's host (without
/// `www.`), else the document itself.
pub fn publisher_of(doc: &SourceDocument, hash: &str) -> String {
    if let Some(s) = doc
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return s.to_string();
    }
    if let Some(url) = doc.url.as_deref() {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        if !host.is_empty() {
            return host.to_ascii_lowercase();
        }
    }
    format!("document:{hash}")
}

/// The key an actor groups on: its country, else its whole code.
pub fn actor_key(actor: &Actor) -> &str {
    actor
        .country
        .as_deref()
        .filter(|c| !c.is_empty())
        .unwrap_or(actor.code.as_str())
}

/// The database path: `--db PATH` if given, else `$DYAD_DB` if set and not empty, else
/// `./dyad.db`.
pub fn default_db_path(cli: Option<&Path>) -> PathBuf {
    if let Some(p) = cli {
        return p.to_path_buf();
    }
    match std::env::var_os("DYAD_DB") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from("dyad.db"),
    }
}

fn now_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y%m%d%H%M%S").to_string())
        .unwrap_or_default()
}

/// An embedded event store in one SQLite file.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    reciprocity: Reciprocity,
    /// `code \u{1f} name` → actor id, filled only after a commit so that a rollback cannot
    /// leave ids of rows that do not exist.
    actor_ids: HashMap<String, i64>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`: WAL journal, schema created or
    /// checked. A file that is not a dyad database, or one of another schema version, is an
    /// error naming the path.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        Store::setup(conn, path)
    }

    /// A store in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn setup(conn: Connection, path: &Path) -> Result<Store> {
        let shown = path.display();
        conn.execute_batch(PRAGMAS)
            .with_context(|| format!("{shown} is not a usable SQLite database"))?;
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()
            .with_context(|| format!("{shown} is not a SQLite database"))?;
        if !tables.is_empty() && !tables.iter().any(|t| t == "schema_version") {
            bail!("{shown} is a SQLite database but not a dyad store (no schema_version table)");
        }
        if tables.iter().any(|t| t == "schema_version") {
            let version: Option<i64> = conn
                .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
                .optional()?;
            if version != Some(SCHEMA_VERSION) {
                bail!(
                    "{shown} has store schema version {}; this dyad reads version {SCHEMA_VERSION}",
                    version.map_or("none".to_string(), |v| v.to_string())
                );
            }
        } else {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [SCHEMA_VERSION],
            )?;
            tx.commit()
                .with_context(|| format!("cannot create the store schema in {shown}"))?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            reciprocity: Reciprocity::bundled(),
            actor_ids: HashMap::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for read-only queries the API does not cover.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The store id of a document with this content, if it is stored. `dyad code` asks this
    /// before coding so that re-runs skip stored documents without re-coding them.
    pub fn find(&self, doc: &SourceDocument) -> Result<Option<i64>> {
        let hash = content_hash(doc);
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?)
    }

    /// Stores one coded document in one transaction: the document, its sentences (character
    /// spans), its event mentions and their actors. A document whose content hash is stored
    /// already is skipped. Either everything is written or nothing (a killed process leaves
    /// the database as it was before the call). Clusters are not touched here:
    /// [`Store::update_clusters`] clusters the mentions stored since its last call; call it
    /// after a batch of documents and at the end (queries call it too).
    pub fn ingest(
        &mut self,
        doc: &SourceDocument,
        sentences: &[(usize, usize)],
        events: &[Event],
        versions: &CodingVersions,
    ) -> Result<Ingested> {
        validate(doc, sentences, events)?;
        let hash = content_hash(doc);
        let mut new_actors = HashMap::new();
        let tx = self.conn.transaction()?;
        let existing: Option<i64> = tx
            .prepare_cached("SELECT id FROM documents WHERE hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?;
        if let Some(document) = existing {
            return Ok(Ingested::AlreadyStored { document });
        }
        let coding = coding_id(&tx, versions)?;
        let publisher = publisher_of(doc, &hash);
        tx.prepare_cached(
            "INSERT INTO documents (doc_id, hash, text, published, title, url, source, publisher,
             added, coding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            doc.id,
            hash,
            doc.text,
            doc.published,
            doc.title,
            doc.url,
            doc.source,
            publisher,
            now_stamp(),
            coding
        ])?;
        let document = tx.last_insert_rowid();
        MentionWriter::new(&tx, &self.reciprocity, &self.actor_ids, &mut new_actors)
            .write_document(
                document,
                coding,
                doc.published.as_deref(),
                sentences,
                events,
            )?;
        tx.commit()
            .with_context(|| format!("cannot store document {:?}", doc.id))?;
        self.actor_ids.extend(new_actors);
        Ok(Ingested::Stored {
            document,
            mentions: events.len(),
        })
    }

    /// Replaces a stored document's mentions after re-coding, in one transaction: its current
    /// mentions are retired (kept, marked `retired_by` the new coding, left out of clusters and
    /// queries), its sentences are replaced, the new mentions are stored. Returns how many
    /// mentions were retired.
    pub fn replace_events(
        &mut self,
        document: i64,
        sentences: &[(usize, usize)],
        events: &[Event],
        versions: &CodingVersions,
    ) -> Result<usize> {
        let source = self
            .load_document(document)?
            .with_context(|| format!("no stored document with id {document}"))?
            .source;
        validate(&source, sentences, events)?;
        let mut new_actors = HashMap::new();
        let tx = self.conn.transaction()?;
        let coding = coding_id(&tx, versions)?;
        // The retired mentions' clusters go now (the groups are recomputed from what is
        // left), so that every remaining cluster is found through a current mention.
        tx.execute_batch(&format!(
            "INSERT OR IGNORE INTO dirty_groups (group_key, cluster_year)
                 SELECT DISTINCT group_key, cluster_year FROM mentions
                 WHERE document = {document} AND retired_by IS NULL;
             DELETE FROM clusters WHERE id IN (
                 SELECT mc.cluster FROM mention_cluster mc JOIN mentions m ON m.id = mc.mention
                 WHERE m.document = {document} AND m.retired_by IS NULL);
             DELETE FROM mention_cluster WHERE mention IN (
                 SELECT id FROM mentions WHERE document = {document} AND retired_by IS NULL);"
        ))?;
        let retired = tx.execute(
            "UPDATE mentions SET retired_by = ?1 WHERE document = ?2 AND retired_by IS NULL",
            params![coding, document],
        )?;
        tx.execute("DELETE FROM sentences WHERE document = ?1", [document])?;
        tx.execute(
            "UPDATE documents SET coding = ?1 WHERE id = ?2",
            params![coding, document],
        )?;
        MentionWriter::new(&tx, &self.reciprocity, &self.actor_ids, &mut new_actors)
            .write_document(
                document,
                coding,
                source.published.as_deref(),
                sentences,
                events,
            )?;
        tx.commit()
            .with_context(|| format!("cannot store the re-coding of document {document}"))?;
        self.actor_ids.extend(new_actors);
        Ok(retired)
    }

    /// A stored document with its sentences and coding versions.
    pub fn load_document(&self, document: i64) -> Result<Option<StoredDocument>> {
        let mut docs = self.documents_where("d.id = ?1", params![document])?;
        Ok(docs.pop())
    }

    /// Up to `limit` stored documents with store ids greater than `after`, in id order: page
    /// through the store with `after` = the last id seen (start at 0). `dyad recode` reads a
    /// page, re-codes it, calls [`Store::replace_events`] for each, and goes on.
    pub fn documents_after(&self, after: i64, limit: usize) -> Result<Vec<StoredDocument>> {
        self.documents_where(
            "d.id > ?1 ORDER BY d.id LIMIT ?2",
            params![after, limit as i64],
        )
    }

    fn documents_where(
        &self,
        condition: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<StoredDocument>> {
        let sql = format!(
            "SELECT d.id, d.doc_id, d.text, d.published, d.title, d.url, d.source,
                    c.dyad, c.knowledge, c.models
             FROM documents d JOIN codings c ON c.id = d.coding WHERE {condition}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut docs: Vec<StoredDocument> = stmt
            .query_map(args, |r| {
                Ok(StoredDocument {
                    document: r.get(0)?,
                    source: SourceDocument {
                        id: r.get(1)?,
                        text: r.get(2)?,
                        published: r.get(3)?,
                        title: r.get(4)?,
                        url: r.get(5)?,
                        source: r.get(6)?,
                    },
                    sentences: Vec::new(),
                    coding: CodingVersions {
                        dyad: r.get(7)?,
                        knowledge: r.get(8)?,
                        models: r.get(9)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut sent = self
            .conn
            .prepare_cached("SELECT start, end FROM sentences WHERE document = ?1 ORDER BY idx")?;
        for doc in &mut docs {
            doc.sentences = sent
                .query_map([doc.document], |r| {
                    Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(docs)
    }

    /// The current mentions of a document, as the coder wrote them.
    pub fn mentions_of(&self, document: i64) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json FROM mentions WHERE document = ?1 AND retired_by IS NULL ORDER BY id",
        )?;
        let rows: Vec<String> = stmt
            .query_map([document], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        rows.iter()
            .map(|j| serde_json::from_str(j).context("a stored mention's JSON does not parse"))
            .collect()
    }

    pub fn counts(&self) -> Result<StoreCounts> {
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(StoreCounts {
            documents: count("SELECT count(*) FROM documents")?,
            sentences: count("SELECT count(*) FROM sentences")?,
            mentions: count("SELECT count(*) FROM mentions WHERE retired_by IS NULL")?,
            clusters: count("SELECT count(*) FROM clusters")?,
        })
    }

    /// Whether some groups wait for [`Store::update_clusters`].
    pub fn clusters_pending(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM dirty_groups)
                     OR COALESCE((SELECT max(id) FROM mentions), 0)
                        > COALESCE((SELECT value FROM meta WHERE key = 'clustered_through'), 0)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Recomputes the clusters of every group that changed since the last call, in one
    /// transaction. Cost is proportional to the mentions of the changed groups (one group is
    /// one root, dyad and year), not to the store. Returns the number of clusters written.
    ///
    /// The changed groups are those of the mentions stored after the last call (mention ids
    /// above the `clustered_through` mark in `meta`) and those listed in `dirty_groups` (groups
    /// that lost mentions to a re-coding). A killed run leaves the mark behind, so the next
    /// call catches up.
    pub fn update_clusters(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mark: i64 = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'clustered_through'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let last: i64 = tx.query_row("SELECT COALESCE(max(id), 0) FROM mentions", [], |r| {
            r.get(0)
        })?;
        let groups: Vec<(String, i32)> = tx
            .prepare(
                "SELECT group_key, cluster_year FROM mentions WHERE id > ?1 AND retired_by IS NULL
                 UNION SELECT group_key, cluster_year FROM dirty_groups",
            )?
            .query_map([mark], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut written = 0;
        for (key, year) in &groups {
            written += recluster_group(&tx, key, *year)?;
        }
        tx.execute("DELETE FROM dirty_groups", [])?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('clustered_through', ?1)",
            [last],
        )?;
        tx.commit().context("cannot store the updated clusters")?;
        Ok(written)
    }

    /// `dyad cluster`: recomputes every mention's group (the reciprocal-code table may have
    /// changed) and every cluster from scratch. Mentions are never deleted. Returns the number
    /// of clusters.
    pub fn recluster_all(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        {
            let mut read = tx.prepare(
                "SELECT id, cameo, cameo_root, source_key, target_key, date, date_source,
                        published, group_key, cluster_year
                 FROM mentions WHERE retired_by IS NULL",
            )?;
            let mut update = tx.prepare(
                "UPDATE mentions SET group_key = ?1, cluster_year = ?2, group_id = ?3 WHERE id = ?4",
            )?;
            let mut rows = read.query([])?;
            while let Some(r) = rows.next()? {
                let (cameo, root, sk): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
                let (tk, date, ds, published): (
                    Option<String>,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                ) = (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?);
                let (key, year) = group_of(
                    &GroupInput {
                        cameo: &cameo,
                        cameo_root: &root,
                        source_key: &sk,
                        target_key: tk.as_deref(),
                        date: date.as_deref(),
                        date_source: ds.as_deref(),
                        published: published.as_deref(),
                    },
                    &self.reciprocity,
                );
                let (old_key, old_year): (String, i32) = (r.get(8)?, r.get(9)?);
                if key != old_key || year != old_year {
                    let id = group_id(&key, year);
                    update.execute(params![key, year, id, r.get::<_, i64>(0)?])?;
                }
            }
        }
        tx.execute_batch(
            "DELETE FROM clusters;
             DELETE FROM mention_cluster;
             DELETE FROM dirty_groups;
             DELETE FROM meta WHERE key = 'clustered_through';",
        )?;
        tx.commit()?;
        self.update_clusters()?;
        Ok(self.counts()?.clusters as usize)
    }

    /// Runs `PRAGMA integrity_check`; `Ok(())` when the database reports `ok`.
    pub fn integrity_check(&self) -> Result<()> {
        let report: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if report == ["ok"] {
            Ok(())
        } else {
            bail!(
                "{} fails its integrity check: {}",
                self.path.display(),
                report.join("; ")
            )
        }
    }
}

/// Checks what the coder hands over, so a bad record is an error before anything is written.
fn validate(doc: &SourceDocument, sentences: &[(usize, usize)], events: &[Event]) -> Result<()> {
    for (i, &(start, end)) in sentences.iter().enumerate() {
        if start > end {
            bail!(
                "document {:?}: sentence {i} ends ({end}) before it starts ({start})",
                doc.id
            );
        }
    }
    for e in events {
        let what = || format!("document {:?}, event {:?}", doc.id, e.id);
        if e.id.is_empty() {
            bail!("document {:?}: an event has an empty id", doc.id);
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(&e.cameo) || e.cameo.len() < 2 || e.cameo.len() > 4 {
            bail!("{}: CAMEO code {:?} is not 2 to 4 digits", what(), e.cameo);
        }
        if e.cameo_root.len() != 2 || !e.cameo.starts_with(&e.cameo_root) {
            bail!(
                "{}: CAMEO root {:?} is not the first two digits of {:?}",
                what(),
                e.cameo_root,
                e.cameo
            );
        }
        if !(1..=4).contains(&e.quad_class) {
            bail!("{}: quad class {} is not 1 to 4", what(), e.quad_class);
        }
        if !e.goldstein.is_finite() || !(-10.0..=10.0).contains(&e.goldstein) {
            bail!(
                "{}: Goldstein value {} is not in −10…10",
                what(),
                e.goldstein
            );
        }
        if e.source.code.is_empty() {
            bail!("{}: the source actor has no code", what());
        }
        if let Some(d) = e.date.as_deref() {
            if PartialDate::parse(d).is_none() {
                bail!("{}: date {d:?} is not YYYY-MM-DD, YYYY-MM or YYYY", what());
            }
        }
        if !sentences.is_empty() && e.sentence.index >= sentences.len() {
            bail!(
                "{}: sentence index {} but the document has {} sentences",
                what(),
                e.sentence.index,
                sentences.len()
            );
        }
    }
    Ok(())
}

fn coding_id(tx: &Transaction, v: &CodingVersions) -> Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM codings WHERE dyad = ?1 AND knowledge = ?2 AND models = ?3",
        )?
        .query_row(params![v.dyad, v.knowledge, v.models], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO codings (dyad, knowledge, models, first_used) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![v.dyad, v.knowledge, v.models, now_stamp()])?;
    Ok(tx.last_insert_rowid())
}

fn insert_sentences(tx: &Transaction, document: i64, sentences: &[(usize, usize)]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO sentences (document, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, &(start, end)) in sentences.iter().enumerate() {
        stmt.execute(params![document, i as i64, start as i64, end as i64])?;
    }
    Ok(())
}

struct MentionWriter<'a> {
    tx: &'a Transaction<'a>,
    reciprocity: &'a Reciprocity,
    known_actors: &'a HashMap<String, i64>,
    new_actors: &'a mut HashMap<String, i64>,
    /// Reused buffer for actor cache keys.
    key: String,
}

impl<'a> MentionWriter<'a> {
    fn new(
        tx: &'a Transaction<'a>,
        reciprocity: &'a Reciprocity,
        known_actors: &'a HashMap<String, i64>,
        new_actors: &'a mut HashMap<String, i64>,
    ) -> Self {
        MentionWriter {
            tx,
            reciprocity,
            known_actors,
            new_actors,
            key: String::new(),
        }
    }

    /// Writes a document's sentences and event mentions, for a first ingest and for a
    /// re-coding alike.
    fn write_document(
        &mut self,
        document: i64,
        coding: i64,
        published: Option<&str>,
        sentences: &[(usize, usize)],
        events: &[Event],
    ) -> Result<()> {
        insert_sentences(self.tx, document, sentences)?;
        for event in events {
            self.insert(document, coding, published, event)?;
        }
        Ok(())
    }
}

impl MentionWriter<'_> {
    fn actor(&mut self, actor: &Actor) -> Result<i64> {
        let name = actor.name.as_deref().unwrap_or("");
        self.key.clear();
        self.key.push_str(&actor.code);
        self.key.push('\u{1f}');
        self.key.push_str(name);
        if let Some(&id) = self
            .known_actors
            .get(self.key.as_str())
            .or(self.new_actors.get(self.key.as_str()))
        {
            return Ok(id);
        }
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM actors WHERE code = ?1 AND name = ?2")?
            .query_row(params![actor.code, name], |r| r.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO actors (code, name, country, sectors) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![
                        actor.code,
                        name,
                        actor.country,
                        actor.sectors.join(",")
                    ])?;
                self.tx.last_insert_rowid()
            }
        };
        self.new_actors.insert(self.key.clone(), id);
        Ok(id)
    }

    fn insert(
        &mut self,
        document: i64,
        coding: i64,
        doc_published: Option<&str>,
        e: &Event,
    ) -> Result<()> {
        let source_actor = self.actor(&e.source)?;
        let target_actor = match &e.target {
            Some(t) => Some(self.actor(t)?),
            None => None,
        };
        let published = e.published.as_deref().or(doc_published);
        let source_key = actor_key(&e.source);
        let target_key = e.target.as_ref().map(actor_key);
        let (group_key, year) = group_of(
            &GroupInput {
                cameo: &e.cameo,
                cameo_root: &e.cameo_root,
                source_key,
                target_key,
                date: e.date.as_deref(),
                date_source: e.date_source.as_deref(),
                published,
            },
            self.reciprocity,
        );
        let json = serde_json::to_string(e)?;
        let loc = e.location.as_ref();
        let t = e.target.as_ref();
        self.tx
            .prepare_cached(
                "INSERT INTO mentions (event_id, document, coding, sentence, date, date_source,
                 published, source_actor, source_code, source_key, source_text, source_start,
                 source_end, target_actor, target_code, target_key, target_text, target_start,
                 target_end, cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode,
                 trigger_text, trigger_start, trigger_end, location_text, location_name,
                 location_country, latitude, longitude, rule, json, group_key, cluster_year, group_id,
                 sentence_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32,
                 ?33, ?34, ?35, ?36, ?37, ?38, ?39)",
            )?
            .execute(params![
                e.id,
                document,
                coding,
                e.sentence.index as i64,
                e.date,
                e.date_source,
                published,
                source_actor,
                e.source.code,
                source_key,
                e.source.text,
                e.source.start as i64,
                e.source.end as i64,
                target_actor,
                t.map(|t| &t.code),
                target_key,
                t.map(|t| &t.text),
                t.map(|t| t.start as i64),
                t.map(|t| t.end as i64),
                e.cameo,
                e.cameo_root,
                e.quad_class,
                e.goldstein,
                e.plover.event,
                e.plover.mode,
                e.trigger.text,
                e.trigger.start as i64,
                e.trigger.end as i64,
                loc.map(|l| &l.text),
                loc.and_then(|l| l.name.as_ref()),
                loc.and_then(|l| l.country.as_ref()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                e.rule,
                json,
                group_key,
                year,
                group_id(&group_key, year),
                e.sentence.text,
            ])?;
        Ok(())
    }
}

/// The integer the group index holds: a hash of the group and year (smaller than the text).
fn group_id(key: &str, year: i32) -> i64 {
    crate::cluster::stable_id(key, &year.to_string())
}

/// Recomputes the clusters of one group and year inside `tx`.
fn recluster_group(tx: &Transaction, key: &str, year: i32) -> Result<usize> {
    let mut stmt = tx.prepare_cached(
        "SELECT m.id, m.document, d.publisher, m.published, m.date, m.date_source, m.cameo,
                m.source_code, m.target_code, m.source_key, m.target_key, m.quad_class,
                m.goldstein, d.added, mc.cluster, m.sentence_text
         FROM mentions m JOIN documents d ON d.id = m.document
         LEFT JOIN mention_cluster mc ON mc.mention = m.id
         WHERE m.group_id = ?3 AND m.group_key = ?1 AND m.cluster_year = ?2
           AND m.retired_by IS NULL
         ORDER BY m.id",
    )?;
    let mut members = Vec::new();
    let mut old_cluster: Vec<Option<i64>> = Vec::new();
    let mut sentence: Vec<String> = Vec::new();
    let mut rows = stmt.query(params![key, year, group_id(key, year)])?;
    while let Some(r) = rows.next()? {
        members.push(Member {
            mention: r.get(0)?,
            document: r.get(1)?,
            publisher: r.get(2)?,
            published: r.get(3)?,
            date: r.get(4)?,
            date_source: r.get(5)?,
            cameo: r.get(6)?,
            source_code: r.get(7)?,
            target_code: r.get(8)?,
            source_key: r.get(9)?,
            target_key: r.get(10)?,
            quad_class: r.get(11)?,
            goldstein: r.get(12)?,
            added: r.get(13)?,
        });
        old_cluster.push(r.get(14)?);
        sentence.push(r.get(15)?);
    }
    drop(rows);
    let clusters = cluster_group(key, &members);
    // Every cluster of the group has a current member (see `replace_events`): delete those.
    let mut stale: Vec<i64> = old_cluster.iter().flatten().copied().collect();
    stale.sort_unstable();
    stale.dedup();
    let mut delete = tx.prepare_cached("DELETE FROM clusters WHERE id = ?1")?;
    for id in stale {
        delete.execute([id])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO clusters (id, group_key, cluster_year, date, date_first,
         date_last, source_code, target_code, source_key, target_key, cameo, cameo_root,
         quad_class, goldstein, num_mentions, num_sources, num_articles, best_mention,
         first_added, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20)",
    )?;
    let mut assign = tx.prepare_cached(
        "INSERT OR REPLACE INTO mention_cluster (mention, cluster) VALUES (?2, ?1)",
    )?;
    for c in &clusters {
        let parsed = c.date.as_deref().and_then(PartialDate::parse);
        insert.execute(params![
            c.id,
            key,
            year,
            c.date,
            parsed.map(|d| day_string(d.first_day())),
            parsed.map(|d| day_string(d.last_day())),
            c.source_code,
            c.target_code,
            c.source_key,
            c.target_key,
            c.cameo,
            &c.cameo[..2],
            c.quad_class,
            c.goldstein,
            c.num_mentions as i64,
            c.num_sources as i64,
            c.num_articles as i64,
            members[c.best].mention,
            c.first_added,
            sentence[c.best],
        ])?;
        for &i in &c.members {
            if old_cluster[i] != Some(c.id) {
                assign.execute(params![c.id, members[i].mention])?;
            }
        }
    }
    Ok(clusters.len())
}
