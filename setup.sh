#!/usr/bin/env bash
# Builds kornews. Offline: when a prebuilt lindera ko-dic cache exists (../shared/lindera-cache, or
# the folder named by KORNEWS_LINDERA_CACHE), it is linked into .lindera-cache/ so the build needs no
# network. Otherwise lindera's build script downloads the dictionary into .lindera-cache/ as usual.
set -euo pipefail
cd "$(dirname "$0")"
src="${KORNEWS_LINDERA_CACHE:-../shared/lindera-cache}"
mkdir -p .lindera-cache
for d in "$src"/*-fmt*; do
  [ -d "$d" ] || continue
  name=$(basename "$d")
  if [ ! -e ".lindera-cache/$name" ]; then
    ln -s "$(cd "$d" && pwd)" ".lindera-cache/$name"
    echo "setup: using prebuilt dictionary $d"
  fi
done
cargo build --release --locked "$@"
