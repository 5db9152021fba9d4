# Issue 6: one thread or several give the same answers: hits, order, scores and counts. Equal
# scores and dates are settled by path, not by the order of documents in the index (which
# depends on how many shards wrote it), so even the copy of a dispatch shown is the same.
. "$(dirname "$0")/lib.sh"

FOLDERS=("$CORPUS" "$FIXTURES/formats" "$FIXTURES/french" "$FIXTURES/query")
for jobs in 1 2 5; do
    run index -j "$jobs" --db "$WORK/idx$jobs" "${FOLDERS[@]}"
    expect_status 0 "index with $jobs threads"
done
check
# Shards are for writing: a finished run leaves one database.
[ "$(grep -c '^auto ' "$WORK/idx5/XAPIANDB")" -eq 1 ] || fail "5 shards merged into one"
[ "$(find "$WORK/idx5" -maxdepth 1 -name 'shard*' | wc -l)" -eq 1 ] || fail "old shards removed"

while IFS= read -r query; do
    for form in "--format tsv -n 0" "--count" "--format json --sort date -n 5" "--format json --sort -date -n 0" "-l"; do
        # shellcheck disable=SC2086
        run search --db "$WORK/idx1" $form "$query"
        ONE="$OUT"
        ONE_STATUS=$STATUS
        for jobs in 2 5; do
            # shellcheck disable=SC2086
            run search --db "$WORK/idx$jobs" $form "$query"
            expect_eq "$STATUS" "$ONE_STATUS" "$query ($form) status with $jobs threads"
            expect_eq "$OUT" "$ONE" "$query ($form) with $jobs threads"
        done
    done
done <<'QUERIES'
Azure
"open source"
intelligence artificielle
européen OR européenne
source:Challenges
date:2024..
téléphérique
téléphérique OR riverains
mot-introuvable-zzz
QUERIES

# The comparison means something only if the queries find clippings.
run search --db "$WORK/idx1" --count Azure
check
[ "$OUT" -ge 2 ] || fail "Azure found in the corpus ($OUT)"
finish
