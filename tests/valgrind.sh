#!/bin/sh
# valgrind.sh — memcheck over pith's own cases and, when ../shared/data is
# there, every page of the evaluation corpora (trafilatura-dev, Readability). Uninitialised reads are what AddressSanitizer
# cannot see; this finds them. Any memcheck error or leak fails the run
# (exit 99 from valgrind; pith's own exit codes are 0-4).
#
#   sh tests/valgrind.sh build/pith [DATA_DIR]
set -u
PITH=${1:-build/pith}
DATA=${2:-$(dirname "$0")/../../shared/data}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed, skipped"; exit 0; }
CASES=$(dirname "$0")/cases
VG="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
fail=0
run() { # label, then the pith arguments
    label=$1
    shift
    $VG "$PITH" --format json --quiet "$@" >/dev/null 2>"$TMP/log"
    rc=$?
    if [ $rc -eq 99 ]; then
        echo "valgrind: $label: memcheck errors (exit $rc)"
        cat "$TMP/log"
        fail=1
    else
        echo "valgrind: $label: clean (pith exit $rc)"
    fi
}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run "$(ls "$CASES"/*.html | wc -l) HTML cases" "$CASES"/*.html
run "$(ls "$CASES"/*.txt | wc -l) text-mode cases" --input text "$CASES"/*.txt
if [ -d "$DATA/trafilatura-dev/pages" ]; then
    i=0
    for f in "$DATA"/trafilatura-dev/pages/*.gz; do
        gzip -dc "$f" >"$TMP/t$i.html"
        i=$((i + 1))
    done
    for f in "$DATA"/readability/*/source.html; do
        cp "$f" "$TMP/r$i.html"
        i=$((i + 1))
    done
    run "$(ls "$TMP"/*.html | wc -l) corpus pages" "$TMP"/*.html
else
    echo "valgrind: no corpus at $DATA: skipped"
fi
exit $fail
