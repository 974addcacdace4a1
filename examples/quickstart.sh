#!/usr/bin/env sh
# The main job on the bundled example articles (written by the project): code them into a
# fresh database, then print the timeline of US–China contacts, one line per real event.
set -eu
cd "$(dirname "$0")/.."
db="${TMPDIR:-/tmp}/dyad-quickstart.db"
rm -f "$db" "$db-wal" "$db-shm"
dyad() { cargo run --release -q -p dyad-cli -- "$@"; }
dyad code --db "$db" --format table examples/articles.jsonl
echo
echo "Timeline USA–CHN:"
dyad timeline USA CHN --db "$db"
