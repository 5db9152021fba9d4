# Issue 3: what a French reader types finds what they mean (french.expected: query, files).
. "$(dirname "$0")/lib.sh"

DIR=$(copy_fixture french)
run index "$DIR"
expect_status 0 "index french"

while IFS=$'\t' read -r query expected; do
    run search -n 0 --format paths "$query"
    found=$(printf '%s\n' "$OUT" | xargs -r -d '\n' -n1 basename | sort | paste -sd, -)
    expect_eq "$found" "$expected" "query [$query]"
done <"$FIXTURES/french.expected"

# Exact forms rank above mere stem matches.
for q in modèles modeles; do
    run search --format paths "$q"
    expect_eq "$(printf '%s\n' "$OUT" | head -1)" "$DIR/modeles.txt" "exact form first for [$q]"
done

# Stop words do not weigh in plain queries: same hits, same scores.
"$REVUE" search --format tsv 'le français Mistral' >"$WORK/a"
"$REVUE" search --format tsv 'français Mistral' >"$WORK/b"
check; cmp -s "$WORK/a" "$WORK/b" || fail "le français Mistral ranks as français Mistral"

# Phrases skip stop words, as the index does ("le meilleur des mondes" is meilleur mondes),
# keep the order of the other words, and an elided article in a phrase still matches.
run search --count '"le meilleur des mondes"'
expect_eq "$OUT" "1" "phrase with stop words"
run search --count '"des mondes le meilleur"'
expect_eq "$OUT" "0" "phrase words out of order"
run search --format paths "\"l'intelligence des assistants\""
expect_eq "$OUT" "$DIR/elision_curly.txt" "elided phrase typed with ', curly apostrophe in the text"
run search --format paths '"intelligence artificielle"'
expect_eq "$OUT" "$DIR/hyphen_break.txt" "phrase across a line-end hyphen"

# Highlights mark the words as written, also for accent-free queries.
highlight() {  # highlight QUERY FILE: the highlighted words of FILE's snippet
    "$REVUE" search --format json -n 0 "$1" |
        jq -r --arg p "$DIR/$2" 'select(.path == $p) | .snippet as $s | .matches[] | "\(.start) \(.end)"' |
        while read -r s e; do
            "$REVUE" search --format json -n 0 "$1" | jq -j --arg p "$DIR/$2" 'select(.path == $p) | .snippet' |
                head -c "$e" | tail -c "$((e - s))"
            echo
        done | LC_ALL=C sort -u | paste -sd, -
}
expect_eq "$(highlight francais accents.txt)" "français,française" "accent-free query highlights accented words"
expect_eq "$(highlight intelligence elision_curly.txt)" "intelligence" "elided article not highlighted"
expect_eq "$(highlight coeur ligatures.txt)" "cœur" "ligature highlighted as written"
expect_eq "$(highlight startup startup.txt)" "start-up" "compound highlighted whole"

# Languages: found without naming one, restricted with --lang.
run search --format paths --lang fr regulators
expect_status 1 "--lang fr leaves out the English clipping"
run search --format paths --lang en regulators
expect_eq "$OUT" "$DIR/english_regulator.txt" "--lang en"
run search --format json regulators
expect_eq "$(jq -r .lang <<<"$OUT")" "en" "English clipping tagged en"

finish
