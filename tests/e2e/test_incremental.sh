# Issue 2: a second index run reflects edited, added and deleted files, and reads no other.
. "$(dirname "$0")/lib.sh"

DIR=$(copy_fixture edit)
run index "$DIR"
expect_status 0 "first run"
expect_err_has "3 added, 0 updated, 0 removed, 0 unchanged" "first run summary"

run index "$DIR"
expect_err_has "0 added, 0 updated, 0 removed, 3 unchanged" "nothing changed"

sed -i 's/alphaword/deltaword/' "$DIR/one.txt"
touch -d '2001-01-01' "$DIR/one.txt"  # older than before: still a change
printf 'Nouvelle note\n\nUn texte avec echoword.\n' >"$DIR/four.txt"
rm "$DIR/three.txt"
run index "$DIR"
expect_status 0 "second run"
expect_err_has "1 added, 1 updated, 1 removed, 1 unchanged" "second run summary"

run search alphaword
expect_status 1 "edited word is gone"
run search --format paths deltaword
expect_eq "$OUT" "$DIR/one.txt" "edited word is found"
run search charlieword
expect_status 1 "deleted file is gone"
run search --format paths echoword
expect_eq "$OUT" "$DIR/four.txt" "added file is found"
run search --format paths bravoword
expect_eq "$OUT" "$DIR/two.txt" "unchanged file still found"
run search --count alphaword OR bravoword OR deltaword OR echoword
expect_eq "$OUT" "3" "every file indexed exactly once"

# Indexing another folder into the same index leaves this one alone.
OTHER=$(copy_fixture basic)
run index "$OTHER"
run search --format paths bravoword
expect_eq "$OUT" "$DIR/two.txt" "other folder's run keeps this one"

finish
