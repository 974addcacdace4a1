//! Writing events out: the contract's JSONL, PLOVER JSONL, the GDELT 2.0 and ICEWS tables,
//! CSV/TSV and Parquet. docs/store.md describes each format's columns.

use crate::dates::PartialDate;
use crate::query::{EventRow, Filter};
use crate::store::Store;
use anyhow::{bail, Context, Result};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use chrono::Datelike;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::{json, Value as Json};
use std::io::Write;
use std::str::FromStr;
use std::sync::Arc;

/// The output formats of `dyad events` and `dyad export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An aligned table for reading on a terminal.
    Table,
    /// The event record of the contract, one JSON object a line, with cluster fields added.
    Jsonl,
    /// PLOVER field names added to the contract record.
    PloverJsonl,
    /// The GDELT 2.0 event table's 61 columns, tab-separated, no header.
    GdeltTsv,
    /// The ICEWS event table's 20 columns, tab-separated, with its header.
    IcewsTsv,
    /// dyad's flat columns ([`FLAT_COLUMNS`]), with a header.
    Csv,
    Tsv,
    /// The flat columns as a Parquet file.
    Parquet,
}

impl FromStr for Format {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Format> {
        Ok(match s {
            "table" => Format::Table,
            "jsonl" => Format::Jsonl,
            "plover-jsonl" => Format::PloverJsonl,
            "gdelt-tsv" => Format::GdeltTsv,
            "icews-tsv" => Format::IcewsTsv,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "parquet" => Format::Parquet,
            _ => bail!(
                "unknown format {s:?}: expected table, jsonl, plover-jsonl, gdelt-tsv, \
                 icews-tsv, csv, tsv or parquet"
            ),
        })
    }
}

/// The GDELT 2.0 event table's columns, in order (its codebook's names).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The ICEWS event table's columns, in order.
pub const ICEWS_COLUMNS: [&str; 20] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
];

/// The column types of the flat formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
    Real,
}

/// dyad's own flat columns (CSV, TSV, Parquet).
pub const FLAT_COLUMNS: [(&str, ColumnType); 30] = [
    ("cluster_id", ColumnType::Integer),
    ("date", ColumnType::Text),
    ("source_code", ColumnType::Text),
    ("source_name", ColumnType::Text),
    ("source_country", ColumnType::Text),
    ("source_text", ColumnType::Text),
    ("target_code", ColumnType::Text),
    ("target_name", ColumnType::Text),
    ("target_country", ColumnType::Text),
    ("target_text", ColumnType::Text),
    ("cameo", ColumnType::Text),
    ("cameo_root", ColumnType::Text),
    ("quad_class", ColumnType::Integer),
    ("goldstein", ColumnType::Real),
    ("plover_event", ColumnType::Text),
    ("plover_mode", ColumnType::Text),
    ("num_mentions", ColumnType::Integer),
    ("num_sources", ColumnType::Integer),
    ("num_articles", ColumnType::Integer),
    ("event_id", ColumnType::Text),
    ("doc_id", ColumnType::Text),
    ("published", ColumnType::Text),
    ("publisher", ColumnType::Text),
    ("url", ColumnType::Text),
    ("sentence_index", ColumnType::Integer),
    ("sentence", ColumnType::Text),
    ("trigger", ColumnType::Text),
    ("location", ColumnType::Text),
    ("latitude", ColumnType::Real),
    ("longitude", ColumnType::Real),
];

/// A flat cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Real(f64),
    Null,
}

impl Cell {
    fn text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.to_string()))
    }

    /// The cell as text in CSV/TSV: empty for null.
    fn render(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Integer(i) => i.to_string(),
            Cell::Real(f) => f.to_string(),
            Cell::Null => String::new(),
        }
    }
}

/// The flat cells of a row, in [`FLAT_COLUMNS`] order.
pub fn flat_cells(row: &EventRow) -> Vec<Cell> {
    let e = &row.event;
    let t = e.target.as_ref();
    let loc = e.location.as_ref();
    vec![
        row.cluster_id.map_or(Cell::Null, Cell::Integer),
        Cell::text(row.date.as_deref()),
        Cell::Text(row.source_code.clone()),
        Cell::text(e.source.name.as_deref()),
        Cell::text(e.source.country.as_deref()),
        Cell::Text(e.source.text.clone()),
        Cell::text(row.target_code.as_deref()),
        Cell::text(t.and_then(|t| t.name.as_deref())),
        Cell::text(t.and_then(|t| t.country.as_deref())),
        Cell::text(t.map(|t| t.text.as_str())),
        Cell::Text(row.cameo.clone()),
        Cell::Text(row.cameo_root.clone()),
        Cell::Integer(row.quad_class as i64),
        Cell::Real(row.goldstein),
        Cell::Text(e.plover.event.clone()),
        Cell::text(e.plover.mode.as_deref()),
        Cell::Integer(row.num_mentions as i64),
        Cell::Integer(row.num_sources as i64),
        Cell::Integer(row.num_articles as i64),
        Cell::Text(e.id.clone()),
        Cell::Text(row.doc_id.clone()),
        Cell::text(e.published.as_deref()),
        Cell::Text(row.publisher.clone()),
        Cell::text(row.url.as_deref()),
        Cell::Integer(e.sentence.index as i64),
        Cell::Text(e.sentence.text.clone()),
        Cell::Text(e.trigger.text.clone()),
        Cell::text(loc.map(|l| l.name.as_deref().unwrap_or(&l.text))),
        loc.and_then(|l| l.lat).map_or(Cell::Null, Cell::Real),
        loc.and_then(|l| l.lon).map_or(Cell::Null, Cell::Real),
    ]
}

/// A TSV field: tabs and line breaks become spaces (the GDELT and ICEWS tables do not quote).
fn tsv_field(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

/// The sector codes after the country in a CAMEO actor code (`USAGOVMIL` → `GOV`, `MIL`);
/// all its 3-letter parts when it has no country (`IGOUNO` → `IGO`, `UNO`).
fn code_parts(code: &str, country: Option<&str>) -> Vec<String> {
    let parts: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    match (parts.first(), country) {
        (Some(first), Some(c)) if first == c => parts[1..].to_vec(),
        _ => parts,
    }
}

/// The GDELT 2.0 event table row of an event; what dyad does not know is empty.
pub fn gdelt_cells(row: &EventRow) -> Vec<String> {
    let e = &row.event;
    let mut cells = vec![String::new(); GDELT_COLUMNS.len()];
    let mut set = |name: &str, value: String| {
        let i = GDELT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a GDELT column name");
        cells[i] = tsv_field(&value);
    };
    set("GlobalEventID", row.cluster_id.unwrap_or(0).to_string());
    if let Some(d) = row.date.as_deref().and_then(PartialDate::parse) {
        set("Year", format!("{:04}", d.year));
        if let Some(m) = d.month {
            set("MonthYear", format!("{:04}{m:02}", d.year));
        }
        if let Some(day) = d.day() {
            set("Day", day.format("%Y%m%d").to_string());
            let days_in_year = if day.leap_year() { 366.0 } else { 365.0 };
            let fraction = day.year() as f64 + day.ordinal0() as f64 / days_in_year;
            set("FractionDate", format!("{fraction:.4}"));
        }
    }
    let actor = |prefix: &str,
                 code: &str,
                 a: &dyad_code::record::Actor,
                 set: &mut dyn FnMut(&str, String)| {
        set(&format!("{prefix}Code"), code.to_string());
        set(
            &format!("{prefix}Name"),
            a.name.clone().unwrap_or_else(|| a.text.clone()),
        );
        if let Some(c) = &a.country {
            set(&format!("{prefix}CountryCode"), c.clone());
        }
        for (i, part) in code_parts(code, a.country.as_deref())
            .into_iter()
            .take(3)
            .enumerate()
        {
            set(&format!("{prefix}Type{}Code", i + 1), part);
        }
    };
    actor("Actor1", &row.source_code, &e.source, &mut set);
    if let (Some(code), Some(t)) = (row.target_code.as_deref(), e.target.as_ref()) {
        actor("Actor2", code, t, &mut set);
    }
    set("EventCode", row.cameo.clone());
    set(
        "EventBaseCode",
        row.cameo.get(..3).unwrap_or(&row.cameo).to_string(),
    );
    set("EventRootCode", row.cameo_root.clone());
    set("QuadClass", row.quad_class.to_string());
    set("GoldsteinScale", row.goldstein.to_string());
    set("NumMentions", row.num_mentions.to_string());
    set("NumSources", row.num_sources.to_string());
    set("NumArticles", row.num_articles.to_string());
    if let Some(l) = &e.location {
        set(
            "ActionGeo_FullName",
            l.name.clone().unwrap_or_else(|| l.text.clone()),
        );
        if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
            set("ActionGeo_Lat", lat.to_string());
            set("ActionGeo_Long", lon.to_string());
        }
    }
    set("DATEADDED", row.first_added.clone());
    if let Some(url) = &row.url {
        set("SOURCEURL", url.clone());
    }
    cells
}

/// The ICEWS table row of an event.
pub fn icews_cells(row: &EventRow) -> Vec<String> {
    let e = &row.event;
    let t = e.target.as_ref();
    let name = |a: &dyad_code::record::Actor| a.name.clone().unwrap_or_else(|| a.text.clone());
    let loc = e.location.as_ref();
    let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    [
        row.cluster_id.unwrap_or(0).to_string(),
        row.date.clone().unwrap_or_default(),
        name(&e.source),
        e.source.sectors.join(","),
        e.source.country.clone().unwrap_or_default(),
        // ICEWS gives the CAMEO code's name here; dyad has no table of names yet.
        String::new(),
        row.cameo.clone(),
        row.goldstein.to_string(),
        t.map(name).unwrap_or_default(),
        t.map(|t| t.sectors.join(",")).unwrap_or_default(),
        t.and_then(|t| t.country.clone()).unwrap_or_default(),
        row.doc_id.clone(),
        (e.sentence.index + 1).to_string(),
        row.publisher.clone(),
        String::new(),
        String::new(),
        String::new(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        opt(loc.and_then(|l| l.lat)),
        opt(loc.and_then(|l| l.lon)),
    ]
    .iter()
    .map(|s| tsv_field(s))
    .collect()
}

/// The PLOVER record of an event: the contract record (so it validates against
/// `event.schema.json`) with PLOVER's field names added.
pub fn plover_record(row: &EventRow) -> Json {
    let e = &row.event;
    let mut v = row.record();
    let entity = |a: &dyad_code::record::Actor| {
        json!({
            "code": crate::store::actor_key(a),
            "sector": a.sectors.join(""),
            "entity_text": a.text,
            "identifier_text": a.name,
            "cameo": a.code,
        })
    };
    if let Json::Object(map) = &mut v {
        map.insert("actor".into(), json!([entity(&e.source)]));
        map.insert(
            "recipient".into(),
            json!(e.target.iter().map(entity).collect::<Vec<_>>()),
        );
        map.insert("event".into(), json!([e.plover.event]));
        map.insert(
            "mode".into(),
            json!(e.plover.mode.iter().collect::<Vec<_>>()),
        );
        map.insert("context".into(), json!(e.plover.context));
        map.insert("quad_code".into(), json!(row.quad_class));
        map.insert("event_text".into(), json!([e.trigger.text]));
        if let Some(l) = &e.location {
            map.insert(
                "event_loc".into(),
                json!({
                    "extracted_place": l.text,
                    "resolved_place": l.name,
                    "country_code": l.country,
                    "lat": l.lat,
                    "lon": l.lon,
                }),
            );
        }
        map.insert(
            "text_info".into(),
            json!({"sequence": e.sentence.index, "start": e.sentence.start, "end": e.sentence.end}),
        );
        map.insert(
            "cite_info".into(),
            json!({
                "citation": row.doc_id,
                "url": row.url,
                "title": row.title,
                "publication": row.publisher,
                "coder": format!("dyad {}", env!("CARGO_PKG_VERSION")),
            }),
        );
        if row.first_added.len() >= 8 {
            let a = &row.first_added;
            map.insert(
                "coded_date".into(),
                json!(format!("{}-{}-{}", &a[..4], &a[4..6], &a[6..8])),
            );
        }
    }
    v
}

fn table_line(row: &EventRow) -> String {
    let mut sentence: String = row
        .event
        .sentence
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if sentence.chars().count() > 100 {
        sentence = sentence.chars().take(99).collect::<String>() + "…";
    }
    format!(
        "{:<10}  {:<12} {:<12} {:<4} {:>4} {:>4}  {}",
        row.date.as_deref().unwrap_or("-"),
        row.source_code,
        row.target_code.as_deref().unwrap_or("-"),
        row.cameo,
        row.num_mentions,
        row.num_articles,
        sentence
    )
}

/// Writes every event under `filter` in `format` to `out`; returns the number of rows.
/// `mentions`: one row per mention instead of one per cluster (not for `gdelt-tsv`, whose
/// event ids must be unique).
pub fn write_events(
    store: &Store,
    filter: &Filter,
    mentions: bool,
    format: Format,
    out: Box<dyn Write + Send>,
) -> Result<u64> {
    if mentions && format == Format::GdeltTsv {
        bail!("gdelt-tsv writes one row per event; --mentions does not apply");
    }
    let mut n = 0u64;
    match format {
        Format::Parquet => return write_parquet(store, filter, mentions, out),
        Format::Csv | Format::Tsv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == Format::Csv { b',' } else { b'\t' })
                .quote_style(if format == Format::Csv {
                    csv::QuoteStyle::Necessary
                } else {
                    csv::QuoteStyle::Never
                })
                .from_writer(out);
            w.write_record(FLAT_COLUMNS.iter().map(|(name, _)| *name))?;
            store.for_each_event(filter, mentions, |row| {
                let cells: Vec<String> = flat_cells(&row).iter().map(Cell::render).collect();
                if format == Format::Tsv {
                    w.write_record(cells.iter().map(|c| tsv_field(c)))?;
                } else {
                    w.write_record(cells)?;
                }
                n += 1;
                Ok(())
            })?;
            w.flush()?;
        }
        _ => {
            let mut w = std::io::BufWriter::new(out);
            if format == Format::IcewsTsv {
                writeln!(w, "{}", ICEWS_COLUMNS.join("\t"))?;
            }
            if format == Format::Table {
                writeln!(
                    w,
                    "{:<10}  {:<12} {:<12} {:<4} {:>4} {:>4}  sentence",
                    "date", "source", "target", "code", "ment", "arts"
                )?;
            }
            store.for_each_event(filter, mentions, |row| {
                match format {
                    Format::Jsonl => serde_json::to_writer(&mut w, &row.record())?,
                    Format::PloverJsonl => serde_json::to_writer(&mut w, &plover_record(&row))?,
                    Format::GdeltTsv => write!(w, "{}", gdelt_cells(&row).join("\t"))?,
                    Format::IcewsTsv => write!(w, "{}", icews_cells(&row).join("\t"))?,
                    _ => write!(w, "{}", table_line(&row))?,
                }
                writeln!(w)?;
                n += 1;
                Ok(())
            })?;
            w.flush()?;
        }
    }
    Ok(n)
}

fn flat_schema() -> Arc<Schema> {
    Arc::new(Schema::new(
        FLAT_COLUMNS
            .iter()
            .map(|(name, ty)| {
                let dt = match ty {
                    ColumnType::Text => DataType::Utf8,
                    ColumnType::Integer => DataType::Int64,
                    ColumnType::Real => DataType::Float64,
                };
                Field::new(*name, dt, true)
            })
            .collect::<Vec<_>>(),
    ))
}

/// Rows are gathered into Arrow batches of this many rows.
const PARQUET_BATCH: usize = 16_384;

fn write_parquet(
    store: &Store,
    filter: &Filter,
    mentions: bool,
    out: Box<dyn Write + Send>,
) -> Result<u64> {
    let schema = flat_schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    let mut columns: Vec<Vec<Cell>> = vec![Vec::new(); FLAT_COLUMNS.len()];
    let mut n = 0u64;
    let flush = |columns: &mut Vec<Vec<Cell>>,
                 writer: &mut ArrowWriter<Box<dyn Write + Send>>|
     -> Result<()> {
        if columns[0].is_empty() {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = columns
            .iter_mut()
            .zip(FLAT_COLUMNS.iter())
            .map(|(cells, (_, ty))| -> ArrayRef {
                let cells = std::mem::take(cells);
                match ty {
                    ColumnType::Text => Arc::new(StringArray::from(
                        cells
                            .into_iter()
                            .map(|c| match c {
                                Cell::Text(s) => Some(s),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    )),
                    ColumnType::Integer => Arc::new(Int64Array::from(
                        cells
                            .into_iter()
                            .map(|c| match c {
                                Cell::Integer(i) => Some(i),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    )),
                    ColumnType::Real => Arc::new(Float64Array::from(
                        cells
                            .into_iter()
                            .map(|c| match c {
                                Cell::Real(f) => Some(f),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    )),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(flat_schema(), arrays)?;
        writer.write(&batch)?;
        Ok(())
    };
    store.for_each_event(filter, mentions, |row| {
        for (col, cell) in columns.iter_mut().zip(flat_cells(&row)) {
            col.push(cell);
        }
        n += 1;
        if columns[0].len() >= PARQUET_BATCH {
            flush(&mut columns, &mut writer)?;
        }
        Ok(())
    })?;
    flush(&mut columns, &mut writer)?;
    writer.close().context("cannot finish the Parquet file")?;
    Ok(n)
}
