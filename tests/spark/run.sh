#!/usr/bin/env bash
# Spark check of `kornews pipe` (tests/spark/check_spark.py) on local[2].
#
# Installs a pinned pyspark into target/spark-venv (kept for later runs), then runs the check on
# target/release/kornews (build it first: cargo build --release).
#
# Exit codes: 0 every check passed; 1 a check failed or the setup broke; 75 SKIPPED: the package
# index cannot be reached (or Java is missing), so the check could not run at all. .ci/run
# reports 75 loudly and goes on.
set -uo pipefail
cd "$(dirname "$0")/../.."

PYSPARK_VERSION=3.5.3 # runs on Java 8/11/17; installs in about a minute from a cold cache
VENV=target/spark-venv
BIN=$PWD/target/release/kornews
SKIP=75

fail() { echo "SPARK CHECK FAILED: $*" >&2; exit 1; }
skip() { echo "SPARK CHECK SKIPPED: $*" >&2; exit "$SKIP"; }

started=$(date +%s)
[ -x "$BIN" ] || fail "$BIN is missing (run cargo build --release first)"
command -v python3 >/dev/null || fail "python3 is missing"
command -v java >/dev/null || skip "no java on PATH (Spark needs Java 8, 11 or 17)"

if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "== installing pyspark==$PYSPARK_VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" || fail "cannot create a venv in $VENV"
  # Can the package index be reached at all? A quick look-up with few retries tells an
  # unreachable index (skip) from a broken install (fail).
  if ! "$VENV/bin/pip" index versions pyspark --timeout 20 --retries 1 >/dev/null 2>&1; then
    rm -rf "$VENV"
    skip "the Python package index cannot be reached, so pyspark==$PYSPARK_VERSION cannot be installed"
  fi
  if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"; then
    rm -rf "$VENV"
    fail "pip install pyspark==$PYSPARK_VERSION failed"
  fi
  echo "== pyspark installed in $(($(date +%s) - started)) s"
fi

export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
export PYSPARK_DRIVER_PYTHON="$PWD/$VENV/bin/python"
export SPARK_LOCAL_IP=127.0.0.1
"$VENV/bin/python" tests/spark/check_spark.py "$BIN" || fail "see the checks above"
echo "== spark check passed in $(($(date +%s) - started)) s"
