# Issue 2: index a folder, search it in every format, and the exit status of each outcome.
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:?}

run index "$CORPUS"
expect_status 0 "index corpus"
expect_err_has "added" "index summary"
expect_eq "$OUT" "" "index prints nothing on stdout"

# The sample is the top hit for Azure, with Azure highlighted in its snippet.
run search --format json Azure
expect_status 0 "search Azure"
top=$(printf '%s\n' "$OUT" | head -1)
expect_eq "$(jq -r .path <<<"$top")" "$CORPUS/000_f6f7f10f9c7437b1.txt" "top hit for Azure"
expect_eq "$(jq -r .rank <<<"$top")" "1" "rank of the top hit"
first_match=$(jq -r '.snippet as $s | .matches[0] | [.start, .end] | @tsv' <<<"$top")
start=${first_match%%	*}; end=${first_match##*	}
expect_eq "$(jq -j .snippet <<<"$top" | head -c "$end" | tail -c "$((end - start))")" "Azure" "first highlight is Azure"
expect_eq "$(jq -r .title <<<"$top")" "Vents porteurs pour le français Mistral" "title field"
expect_eq "$(jq -r .source <<<"$top")" "Challenges" "source field"
expect_eq "$(jq -r .author <<<"$top")" "G. F." "author field"
expect_eq "$(jq -r .lang <<<"$top")" "fr" "lang field"
expect_eq "$(jq -r .article <<<"$top")" "1" "article field"
expect_eq "$(jq -r '.score > 0' <<<"$top")" "true" "score field"
expect_eq "$(jq -r 'has("date")' <<<"$top")" "true" "date field present"

run search --color always Azure
expect_status 0 "text search"
expect_out_has $'1. \e[1m' "text: rank and bold title"
expect_out_has $'\e[1;31mAzure\e[0m' "text: Azure highlighted in colour"
expect_out_has "$CORPUS/000_f6f7f10f9c7437b1.txt" "text: path"
run search Azure
expect_out_lacks $'\e[' "no colour when stdout is not a terminal"
run search --color always Azure
NO_COLOR=1 "$REVUE" search Azure >"$WORK/nc" 2>&1
expect_eq "$(grep -c $'\e' "$WORK/nc")" "0" "NO_COLOR respected in auto mode"

# Boilerplate is not indexed.
run search Newspapers
expect_status 1 "Newspapers finds nothing"
expect_eq "$OUT" "" "no output when nothing matches"
run search --count Newspapers
expect_status 1 "count of nothing"
expect_eq "$OUT" "0" "count prints 0"

# Phrase search on the basic fixture: the phrase matches only adjacent words.
export REVUE_DB="$WORK/basic-index"
BASIC=$(copy_fixture basic)
run index "$BASIC"
expect_status 0 "index basic"
run search --format paths '"open source"'
expect_status 0 "phrase search"
expect_eq "$OUT" "$BASIC/opensource.txt" "phrase finds only the adjacent words"
run search --format paths open source
expect_out_has "$BASIC/scattered.txt" "plain words find the scattered ones too"
expect_out_has "$BASIC/opensource.txt" "plain words find the phrase too"
run search --format json '"open source"'
expect_eq "$(jq -r .path <<<"$OUT")" "$BASIC/opensource.txt" "json | jq .path"

# Every format.
run search --format tsv Azure
expect_status 0 "tsv"
expect_eq "$(printf '%s\n' "$OUT" | head -1 | awk -F'\t' '{print NF}')" "4" "tsv has 4 columns"
expect_eq "$(printf '%s\n' "$OUT" | head -1 | cut -f1)" "1" "tsv rank first"
expect_eq "$(printf '%s\n' "$OUT" | head -1 | cut -f3)" "$BASIC/azure.txt" "tsv path third"
run search --format paths Azure
expect_eq "$(printf '%s\n' "$OUT" | sort | tr '\n' ' ')" "$BASIC/azure.txt $BASIC/plain.txt " "paths of Azure"
"$REVUE" search --format paths -0 Azure >"$WORK/nul"
expect_eq "$(tr '\0' '\n' <"$WORK/nul" | sort | tr '\n' ' ')" "$BASIC/azure.txt $BASIC/plain.txt " "-0 ends paths with NUL"
expect_eq "$(tr -cd '\0' <"$WORK/nul" | wc -c)" "2" "two NULs"
run search --count Azure
expect_eq "$OUT" "2" "exact count"
run search -n 1 --format paths Azure
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "1" "-n limits hits"
run search -n 1 --offset 1 --format json Azure
expect_eq "$(jq -r .rank <<<"$OUT")" "2" "--offset skips hits"

# A plain text file without the press layout: first line is its title.
run search --format json Azure
expect_out_has '"title":"Note de lecture sur le cloud"' "plain file title"

# English clipping is found and tagged.
run show "$BASIC/english.txt"
expect_status 0 "show english"
expect_out_has "lang: en" "english footer gives lang"

# show and stats.
run show "$BASIC/azure.txt"
expect_status 0 "show"
expect_out_has "title: " "show prints fields"
expect_out_lacks "Newspapers" "show has no footer"
run show --format json "$BASIC/azure.txt"
expect_eq "$(jq -r .path <<<"$OUT")" "$BASIC/azure.txt" "show json"
run show "$BASIC/nothere.txt"
expect_status 1 "show of a file not indexed"
expect_one_line_err "show of a file not indexed"
run stats
expect_status 0 "stats"
expect_out_has "clippings: 5" "stats counts clippings"
expect_out_has "folder:    $BASIC" "stats lists folders"

finish
