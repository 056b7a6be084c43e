#!/usr/bin/env bash
# kornews throughput / memory benchmark against bare lindera. See bench/README.md.
#
#   bash bench/run.sh                 # 5 rounds
#   ROUNDS=9 SEED=7 bash bench/run.sh
#
# Environment:
#   ROUNDS       alternating rounds per thread count (default 5)
#   THREADS      thread counts to measure, comma-separated (default 1,2)
#   SEED         RNG seed of the generated corpora (default 1)
#   SMALL_MB     size of the throughput corpus (default 20)
#   LARGE_MB     size of the second corpus for peak RSS (default 100)
#   RSS_ROUNDS   peak-RSS runs per corpus (default 1)
#   TOKENS_ROUNDS  kornews -j1 with/without --tokens pairs (default 3; 0 to skip)
#   SKIP_BUILD=1 do not run cargo build first
#   STAGES       extraction stages of the kornews side: all (default) or none (the foundation only)
#
# Output: a markdown table on stdout and in target/bench/results.md (raw numbers in
# target/bench/results.json). The corpora are regenerated from corpus/ on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${ROUNDS:-5}"
THREADS="${THREADS:-1,2}"
SEED="${SEED:-1}"
SMALL_MB="${SMALL_MB:-20}"
LARGE_MB="${LARGE_MB:-100}"
RSS_ROUNDS="${RSS_ROUNDS:-1}"
TOKENS_ROUNDS="${TOKENS_ROUNDS:-3}"
OUT=target/bench

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # --bins too: `--examples` alone does not rebuild the kornews binary.
  echo "bench: cargo build --release --bins --examples" >&2
  cargo build --release --bins --examples >&2
fi
for bin in target/release/kornews target/release/examples/bare_lindera; do
  [ -x "$bin" ] || { echo "bench: $bin is missing (build failed?)" >&2; exit 2; }
done

# Benchmark private copies: target/release/ is shared, and a rebuild in the middle of a run
# would otherwise change the binary under test between rounds.
mkdir -p "$OUT/bin"
cp -p target/release/kornews "$OUT/bin/kornews.tmp" && mv -f "$OUT/bin/kornews.tmp" "$OUT/bin/kornews"
cp -p target/release/examples/bare_lindera "$OUT/bin/bare_lindera.tmp" && mv -f "$OUT/bin/bare_lindera.tmp" "$OUT/bin/bare_lindera"
small="$OUT/corpus-${SMALL_MB}mb.jsonl"
large="$OUT/corpus-${LARGE_MB}mb.jsonl"
python3 bench/make_corpus.py --mb "$SMALL_MB" --seed "$SEED" --out "$small"
python3 bench/make_corpus.py --mb "$LARGE_MB" --seed "$SEED" --out "$large"

python3 bench/bench.py --small "$small" --large "$large" --rounds "$ROUNDS" --threads "$THREADS" \
  --rss-rounds "$RSS_ROUNDS" --tokens-rounds "$TOKENS_ROUNDS" --results "$OUT/results.md" \
  --command "STAGES=${STAGES:-all} ROUNDS=$ROUNDS THREADS=$THREADS SEED=$SEED SMALL_MB=$SMALL_MB LARGE_MB=$LARGE_MB bash bench/run.sh"
