# Issue 7: --batch answers its lines on every core, yet prints exactly what the same queries
# give one by one, in input order: JSON (each object naming its query), TSV, --count; a bad
# line is reported by number on stderr, the others are answered, and the exit status is 2.
. "$(dirname "$0")/lib.sh"

Q=$(copy_fixture query)
run index "$Q"
expect_status 0 "index the query fixture"

# Queries finding much, little or nothing, a phrase, a filter, a blank line, a CRLF ending;
# repeated well past the lines a batch reads ahead, so that answers finish out of order.
{
    for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
        printf '%s\n' mistral 'azure microsoft' '"start-up parisienne"' 'dépêche' \
            'zzzinconnu' 'régulateurs OR regulators' 'intelligence artificielle' \
            'lang:en regulators' 'ovh NOT azure' 'cloud'
        printf '\n'
        printf 'mistral AND microsoft\r\n'
    done
} >"$WORK/queries"

# The queries as the batch reads them: blank lines skipped, a final CR dropped.
queries() {
    tr -d '\r' <"$WORK/queries" | grep -v '^[[:space:]]*$'
}

# one_by_one FORMAT ARGS...: what `search` prints for each query alone, concatenated; in
# JSON each object gets the "query" key a batch adds after "type". A query is run once and
# its answer reused where it repeats.
one_by_one() {
    local format=$1
    shift
    local query line quoted prefix='{"type":"hit",'
    local -A answers
    queries | while IFS= read -r query; do
        if [ -z "${answers[$query]+set}" ]; then
            answers[$query]=$(
                "$REVUE" search --format "$format" "$@" -- "$query" 2>/dev/null |
                    if [ "$format" = json ]; then
                        quoted=$(jq -n --arg q "$query" '$q')
                        while IFS= read -r line; do
                            printf '{"type":"hit","query":%s,%s\n' "$quoted" "${line#"$prefix"}"
                        done
                    else
                        cat
                    fi
                printf x  # keeps the final newline through $( )
            )
        fi
        printf '%s' "${answers[$query]%x}"
    done
}

# batch FORMAT ARGS...: the batch's stdout in $OUT, stderr in $ERR, status in $STATUS.
batch() {
    local format=$1
    shift
    "$REVUE" search --batch --format "$format" "$@" <"$WORK/queries" >"$WORK/out" 2>"$WORK/err"
    STATUS=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

check
[ "$(queries | wc -l)" -eq 132 ] || fail "the query list has 132 queries"

batch json -n 5
expect_status 0 "batch json"
expect_eq "$ERR" "" "batch json: nothing on stderr"
expected=$(one_by_one json -n 5)
expect_eq "$OUT" "$expected" "batch json = the queries one by one, same order"
expect_eq "$(jq -r .query <"$WORK/out" | uniq | head -4 | tr '\n' '|')" \
    'mistral|azure microsoft|régulateurs OR regulators|intelligence artificielle|' \
    "batch json: answers in input order"

batch json -n 3 --no-snippet --sort date
expect_eq "$OUT" "$(one_by_one json -n 3 --no-snippet --sort date)" \
    "batch json --no-snippet --sort date = one by one"

batch tsv -n 0
expect_status 0 "batch tsv"
expect_eq "$OUT" "$(one_by_one tsv -n 0)" "batch tsv = the queries one by one, same order"

batch tsv --count
expect_status 0 "batch --count"
expect_eq "$OUT" "$(one_by_one tsv --count)" "batch --count = the counts one by one"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "132" "batch --count: one line per query"

# A bad line: reported by its number (blank lines count), the other lines answered.
printf 'mistral\n\nmistral AND\nzzzinconnu\nazure\n' >"$WORK/queries"
batch json -n 1
expect_status 2 "batch with a bad line"
expect_one_line_err "batch with a bad line"
expect_err_has "revue: line 3: " "the bad line is named by its number"
expect_eq "$(jq -r .query <"$WORK/out" | tr '\n' '|')" "mistral|azure|" \
    "the good lines are answered, in order"
batch tsv --count
expect_status 2 "batch --count with a bad line"
expect_err_has "revue: line 3: " "--count: the bad line is named by its number"
expect_eq "$(printf '%s\n' "$OUT" | tr '\n' ' ')" "$(one_by_one tsv --count | tr '\n' ' ')" \
    "--count: the good lines are counted"

# Nothing found anywhere: status 1, as for one query.
printf 'zzzinconnu\nqqqabsent\n' >"$WORK/queries"
batch tsv
expect_status 1 "batch finding nothing"
expect_eq "$OUT" "" "batch finding nothing prints nothing"

finish
