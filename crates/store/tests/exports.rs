//! Exports: every format's shape, and the JSON formats against the event schema.

mod common;

use common::{scenario, sentences, versions};
use dyad_store::export::{write_events, Format, FLAT_COLUMNS, GDELT_COLUMNS, ICEWS_COLUMNS};
use dyad_store::synthetic::Synthetic;
use dyad_store::{Filter, Store};
use std::path::Path;

/// The scenario plus synthetic documents: clusters of every precision, real-looking text.
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (d, events) in scenario() {
        store
            .ingest(&d, &sentences(6), &events, &versions())
            .unwrap();
    }
    let synthetic = Synthetic::default();
    for i in 0..40 {
        let (d, s, e) = synthetic.document(i);
        store.ingest(&d, &s, &e, &versions()).unwrap();
    }
    store.update_clusters().unwrap();
    store
}

fn export(store: &Store, format: Format, mentions: bool, path: &Path) -> u64 {
    let file = std::fs::File::create(path).unwrap();
    write_events(store, &Filter::default(), mentions, format, Box::new(file)).unwrap()
}

fn export_text(store: &Store, format: Format, mentions: bool) -> (u64, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out");
    let n = export(store, format, mentions, &path);
    (n, std::fs::read_to_string(&path).unwrap())
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/contracts/event.schema.json"),
    )
    .expect("../shared/contracts/event.schema.json is readable");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_lines(text: &str, expected: u64) {
    let validator = validator();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "line {}: {errors:?}\n{line}", i + 1);
        n += 1;
    }
    assert_eq!(n, expected);
}

#[test]
fn jsonl_and_plover_jsonl_validate_against_the_event_schema() {
    let store = store();
    let clusters = store.counts().unwrap().clusters;
    let mentions = store.counts().unwrap().mentions;
    for format in [Format::Jsonl, Format::PloverJsonl] {
        let (n, text) = export_text(&store, format, false);
        assert_eq!(n, clusters);
        assert_valid_lines(&text, clusters);
        let (n, text) = export_text(&store, format, true);
        assert_eq!(n, mentions);
        assert_valid_lines(&text, mentions);
    }
    // The validator does reject a broken record.
    let mut broken: serde_json::Value = serde_json::from_str(
        export_text(&store, Format::Jsonl, false)
            .1
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    broken["quad_class"] = 7.into();
    assert!(!validator().is_valid(&broken));
}

#[test]
fn plover_records_carry_plover_fields_and_cluster_counts() {
    let store = store();
    let (_, text) = export_text(&store, Format::PloverJsonl, false);
    let call = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["id"] == "d1-e0")
        .expect("the 2023-03-15 call's best mention");
    assert_eq!(call["date"], "2023-03-15");
    assert_eq!(call["event"], serde_json::json!(["CONSULT"]));
    assert_eq!(call["actor"][0]["code"], "USA");
    assert_eq!(call["actor"][0]["sector"], "GOVMIL");
    assert_eq!(call["recipient"][0]["cameo"], "RUSGOVMIL");
    assert_eq!(call["quad_code"], 1);
    assert_eq!(call["num_mentions"], 5);
    assert_eq!(call["num_articles"], 3);
    assert_eq!(call["num_sources"], 2);
    assert_eq!(call["cite_info"]["publication"], "wire");
    assert_eq!(call["text_info"]["sequence"], 0);
}

#[test]
fn gdelt_tsv_has_61_columns_on_every_line() {
    let store = store();
    let (n, text) = export_text(&store, Format::GdeltTsv, false);
    assert_eq!(n, store.counts().unwrap().clusters);
    assert_eq!(text.lines().count() as u64, n);
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
    let col = |name: &str| GDELT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let call: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[col("Day")] == "20230315" && f[col("EventRootCode")] == "04")
        .unwrap();
    assert_eq!(call[col("MonthYear")], "202303");
    assert_eq!(call[col("Year")], "2023");
    assert_eq!(call[col("FractionDate")], "2023.2000");
    assert_eq!(call[col("Actor1Code")], "USAGOVMIL");
    assert_eq!(call[col("Actor1CountryCode")], "USA");
    assert_eq!(call[col("Actor1Type1Code")], "GOV");
    assert_eq!(call[col("Actor1Type2Code")], "MIL");
    assert_eq!(call[col("Actor2Code")], "RUSGOVMIL");
    assert_eq!(call[col("EventCode")], "041");
    assert_eq!(call[col("EventBaseCode")], "041");
    assert_eq!(call[col("QuadClass")], "1");
    assert_eq!(call[col("NumMentions")], "5");
    assert_eq!(call[col("NumSources")], "2");
    assert_eq!(call[col("NumArticles")], "3");
    assert_eq!(call[col("AvgTone")], "");
    assert_eq!(call[col("SOURCEURL")], "https://wire.example/d1");
    assert_eq!(call[col("DATEADDED")].len(), 14);
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("x")).unwrap();
    assert!(write_events(
        &store,
        &Filter::default(),
        true,
        Format::GdeltTsv,
        Box::new(file)
    )
    .is_err());
}

#[test]
fn icews_tsv_has_its_header_and_20_columns() {
    let store = store();
    let (n, text) = export_text(&store, Format::IcewsTsv, false);
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), ICEWS_COLUMNS.join("\t"));
    assert_eq!(lines.clone().count() as u64, n);
    for line in lines.clone() {
        assert_eq!(line.split('\t').count(), 20, "{line}");
    }
    let call: Vec<&str> = lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[1] == "2023-03-15")
        .unwrap();
    assert_eq!(call[2], "the USAGOVMIL actor");
    assert_eq!(call[3], "GOV,MIL");
    assert_eq!(call[4], "USA");
    assert_eq!(call[6], "041");
    assert_eq!(call[7], "1");
    assert_eq!(call[11], "d1");
    assert_eq!(call[12], "1");
    assert_eq!(call[13], "wire");
}

#[test]
fn csv_reads_back_with_its_header() {
    let store = store();
    let (n, text) = export_text(&store, Format::Csv, false);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        FLAT_COLUMNS
            .iter()
            .map(|(c, _)| c.to_string())
            .collect::<Vec<_>>()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len() as u64, n);
    let call = rows.iter().find(|r| &r[1] == "2023-03-15").unwrap();
    assert_eq!((&call[2], &call[10], &call[16]), ("USAGOVMIL", "041", "5"));
    let (_, tsv) = export_text(&store, Format::Tsv, false);
    assert!(tsv
        .lines()
        .all(|l| l.split('\t').count() == FLAT_COLUMNS.len()));
}

#[test]
fn parquet_reads_back() {
    use arrow_array::{Array, Int64Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let store = store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let n = export(&store, Format::Parquet, false, &path);
    assert_eq!(n, store.counts().unwrap().clusters);
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut rows = 0;
    let mut found = false;
    for batch in reader {
        let batch = batch.unwrap();
        assert_eq!(batch.num_columns(), FLAT_COLUMNS.len());
        let dates = batch
            .column_by_name("date")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        let mentions = batch
            .column_by_name("num_mentions")
            .unwrap()
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        let codes = batch
            .column_by_name("cameo")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        for i in 0..batch.num_rows() {
            if !dates.is_null(i) && dates.value(i) == "2023-03-15" && codes.value(i) == "041" {
                assert_eq!(mentions.value(i), 5);
                found = true;
            }
        }
        rows += batch.num_rows() as u64;
    }
    assert_eq!(rows, n);
    assert!(found);
}
