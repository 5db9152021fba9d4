# Issue 2: every error path exits 2 with one clear line on stderr; no match exits 1.
. "$(dirname "$0")/lib.sh"

run search Azure
expect_status 2 "search without an index"
expect_one_line_err "search without an index"
expect_err_has "revue index" "missing index says what to do"

run stats
expect_status 2 "stats without an index"
run show "$FIXTURES/basic/azure.txt"
expect_status 2 "show without an index"

run index "$WORK/no-such-folder"
expect_status 2 "index of a missing folder"
expect_one_line_err "index of a missing folder"
expect_err_has "no-such-folder" "names the folder"

run index
expect_status 2 "index without a folder"
expect_one_line_err "index without a folder"

run index "$FIXTURES/basic"
expect_status 0 "index"

run search '"open source'
expect_status 2 "unclosed phrase"
expect_one_line_err "unclosed phrase"
run search --format xml Azure
expect_status 2 "unknown format"
expect_one_line_err "unknown format"
run search -n -3 Azure
expect_status 2 "negative limit"
run bogus
expect_status 2 "unknown command"
run search
expect_status 2 "search without a query"
run search zzzyyyxxx
expect_status 1 "no match"
expect_eq "$ERR" "" "no match is not an error"

run --db "$WORK/other" search Azure
expect_status 2 "--db before the command"
run search --db "$WORK/other" Azure
expect_status 2 "--db to a missing index"
expect_err_has "$WORK/other" "names the index path"

# The index path defaults to $XDG_DATA_HOME/revue/index.
unset REVUE_DB
XDG_DATA_HOME="$WORK/xdg" "$REVUE" index "$FIXTURES/basic" 2>/dev/null
check; [ -d "$WORK/xdg/revue/index" ] || fail "index under XDG_DATA_HOME"
HOME="$WORK/home" "$REVUE" index "$FIXTURES/basic" 2>/dev/null
check; [ -d "$WORK/home/.local/share/revue/index" ] || fail "index under ~/.local/share"

# A closed pipe is not an error.
export REVUE_DB="$WORK/index"
"$REVUE" search -n 0 --format json Azure | head -c 1 >/dev/null
check; [ "${PIPESTATUS[0]}" -eq 0 ] || fail "broken pipe exits 0"

finish
