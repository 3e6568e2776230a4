#!/bin/sh
# CLI behaviour: options, exit codes, formats, error records, stdin.
#   sh tests/cli/run.sh build/pith
# Prints 'cli: N passed, N failed'; exits 1 on any failure.
PITH=${1:-build/pith}
EX=examples/article.html
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# expect_exit CODE DESCRIPTION -- CMD...
expect_exit() {
  want=$1; desc=$2; shift 3
  "$@" >"$T/out" 2>"$T/err"; got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$desc: exit $got, want $want"; fi
}
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: missing '$2'"; fi; }
hasnt() { if grep -qF -- "$2" "$1"; then bad "$3: unexpected '$2'"; else ok; fi; }
valid_json_lines() {
  if python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line); n += 1
sys.exit(0 if n == int(sys.argv[2]) else 1)' "$1" "$2"; then ok; else bad "$3: not $2 valid JSON lines"; fi
}

expect_exit 0 "--help" -- "$PITH" --help
has "$T/out" "--format" "--help text"
has "$T/out" "Exit status" "--help exit codes"
expect_exit 0 "--version" -- "$PITH" --version
has "$T/out" "pith 0." "--version output"
expect_exit 2 "unknown option" -- "$PITH" --no-such-option
has "$T/err" "unknown option" "unknown option message"
expect_exit 2 "bad format" -- "$PITH" --format pdf "$EX"
expect_exit 2 "bad ref-time" -- "$PITH" --ref-time yesterday "$EX"
expect_exit 2 "precision and recall together" -- "$PITH" --precision --recall "$EX"
# batch mode: a --charset typo is a usage error before anything is read; --url is ignored, with a warning
expect_exit 2 "batch with unknown charset" -- "$PITH" --dedupe --charset no-such-charset "$EX"
has "$T/err" "unknown charset" "batch unknown charset message"
expect_exit 0 "batch with --url" -- "$PITH" --dedupe --url https://example.com/a "$EX"
has "$T/err" "--url is ignored in batch mode" "batch --url warning"
# a read that fails after the open still gives its error record
if [ -r /proc/self/mem ]; then
  expect_exit 3 "read error after open" -- "$PITH" --format json /proc/self/mem
  has "$T/out" '"status":"PITH_EIO"' "read error record"
fi

# --input auto (the default): a page without a single tag is text (text mode
# finds its headline and date line); an HTML page stays HTML
cat > "$T/scraped.txt" <<'TXT'
River towns agree to share flood warnings
NEWS 14.03.2024, 09:30
River towns agree to share flood warnings
The councils of three river towns agreed on Thursday to share one flood warning system, after last winter's floods reached the market squares of all three within a single night and caught the smaller towns unprepared.
Engineers will install twelve new gauges along the river this spring, and the towns expect the first alerts to be sent in April, when the snow melts in the hills above the valley.
TXT
expect_exit 0 "auto input: text" -- "$PITH" --format json "$T/scraped.txt"
has "$T/out" '"title":"River towns agree to share flood warnings"' "auto input: text mode title"
has "$T/out" '"published":"2024-03-14T09:30:00"' "auto input: text mode date line"
"$PITH" --format json --input text "$T/scraped.txt" > "$T/text.json" 2>/dev/null
if cmp -s "$T/out" "$T/text.json"; then ok; else bad "auto input: differs from --input text"; fi
expect_exit 0 "forced html on text" -- "$PITH" --format json --input html "$T/scraped.txt"
hasnt "$T/out" '"published":"2024-03-14' "--input html on text: no text-mode date"
"$PITH" --format json "$EX" > "$T/auto.json" 2>/dev/null
"$PITH" --format json --input html "$EX" > "$T/html.json" 2>/dev/null
if cmp -s "$T/auto.json" "$T/html.json"; then ok; else bad "auto input: an HTML page is not read as HTML"; fi
expect_exit 2 "bad input kind" -- "$PITH" --input pdf "$EX"
has "$T/err" "(auto, html, text)" "bad input kind message"

# text output: the article and nothing else
expect_exit 0 "text" -- "$PITH" "$EX"
has "$T/out" "River towns agree to share flood warnings" "title"
has "$T/out" "The councils of Aldergate, Brookmere" "first paragraph"
has "$T/out" "expect the first alerts to be sent in April." "last paragraph"
has "$T/out" "Alerts go out in three levels" "list item"
has "$T/out" "One river needs one warning" "quote"
for junk in "Share on Facebook" "We use cookies" "Most read" "Saltby market returns" "About time. My street" \
            "Read also" "All rights reserved" "Get the Courier in your inbox" "Bridge repairs delayed"; do
  hasnt "$T/out" "$junk" "furniture"
done
[ "$(grep -c 'River towns agree' "$T/out")" = 1 ] && ok || bad "title repeated in body"

# markdown and html keep structure
expect_exit 0 "markdown" -- "$PITH" --format markdown "$EX"
has "$T/out" "# River towns agree" "md title"
has "$T/out" "## Lessons from last winter" "md heading"
has "$T/out" "- Gauges report every fifteen minutes." "md list"
has "$T/out" "> One river needs one warning" "md quote"
expect_exit 0 "html" -- "$PITH" --format html "$EX"
has "$T/out" "<h2>Lessons from last winter</h2>" "html heading"
has "$T/out" "<ul><li>Gauges report" "html list"
has "$T/out" "<blockquote><p>One river" "html quote"

# json: one valid object with the record's keys
expect_exit 0 "json" -- "$PITH" --format json "$EX"
valid_json_lines "$T/out" 1 "json"
has "$T/out" '"status":"ok"' "json status"
has "$T/out" '"title":"River towns agree to share flood warnings"' "json title"
has "$T/out" '"kind":"heading","level":2' "json heading block"
has "$T/out" '"comments":[]' "comments off by default"
expect_exit 0 "comments" -- "$PITH" --format json --comments "$EX"
has "$T/out" "Will the alerts work for people without mobile phones?" "comments kept separately"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit("mobile phones" in r["text"])' "$T/out" && ok || bad "comments leaked into text"

# stdin, several inputs
"$PITH" --format json < "$EX" > "$T/out" 2>/dev/null && ok || bad "stdin exit"
has "$T/out" "River towns agree" "stdin"
expect_exit 0 "two inputs" -- "$PITH" --format json "$EX" "$EX"
valid_json_lines "$T/out" 2 "JSON Lines for two inputs"
has "$T/out" '{"source":"examples/article.html"' "source member"

# errors give records and documented exit codes
expect_exit 3 "missing file" -- "$PITH" --format json "$T/nope.html"
has "$T/out" '"error":"PITH_EIO"' "error record for unreadable input"
valid_json_lines "$T/out" 1 "error record is JSON"
expect_exit 1 "max-bytes" -- "$PITH" --format json --max-bytes 100 "$EX"
has "$T/out" '"error":"PITH_ETOOBIG"' "too big"
: > "$T/empty.html"
expect_exit 1 "empty input" -- "$PITH" --format json "$T/empty.html"
has "$T/out" '"error":"PITH_ENOCONTENT"' "no content"
expect_exit 1 "unknown charset" -- "$PITH" --format json --charset no-such-charset "$EX"
has "$T/out" '"error":"PITH_ECHARSET"' "bad charset"
expect_exit 0 "one of two inputs missing still writes both" -- true
"$PITH" --format json "$EX" "$T/nope.html" > "$T/out" 2>/dev/null; [ $? = 3 ] && ok || bad "mixed inputs exit"
valid_json_lines "$T/out" 2 "mixed inputs: one record and one error record"

# binary garbage never crashes and gives valid JSON
head -c 200000 /dev/urandom > "$T/rand.bin"
"$PITH" --format json "$T/rand.bin" > "$T/out" 2>/dev/null; rc=$?
[ $rc -le 1 ] && ok || bad "random bytes: exit $rc"
valid_json_lines "$T/out" 1 "random bytes give one JSON record"

# -o writes the file
expect_exit 0 "-o" -- "$PITH" -o "$T/o.txt" "$EX"
has "$T/o.txt" "River towns agree" "-o output"

# acceptance of the core issue: the NYT test page prints the article and nothing else
NYT=../shared/data/readability/nytimes-1/source.html
if [ -f "$NYT" ]; then
  expect_exit 0 "nytimes-1" -- "$PITH" "$NYT"
  [ "$(head -1 "$T/out")" = "United States to Lift Sudan Sanctions" ] && ok || bad "nytimes-1: first line"
  has "$T/out" "LONDON — After nearly 20 years of hostile relations" "nytimes-1: first paragraph"
  has "$T/out" "had made a “deal with the devil.”" "nytimes-1: last paragraph"
  [ "$(tail -1 "$T/out")" = "Mr. Reeves said he thought that the American government was being manipulated and that the Obama administration had made a “deal with the devil.”" ] && ok || bad "nytimes-1: ends with the article"
  for junk in "After 26 Days at Sea" "Advertisement" "Related Coverage" "Share This Page" "Continue reading the main story"; do
    hasnt "$T/out" "$junk" "nytimes-1 furniture"
  done
else
  echo "cli: ../shared/data absent: nytimes-1 acceptance skipped"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
