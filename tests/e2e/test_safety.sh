# Issue 6: a run is never lost: the lock names its holder, Ctrl-C commits and exits 130, and
# a run killed with SIGKILL leaves a readable index that the next run completes.
. "$(dirname "$0")/lib.sh"

N=3000
DIR="$WORK/many"
mkdir -p "$DIR"
for i in $(seq 1 $N); do
    printf 'Note %d\n\nUn texte commun numéro %d, avec quelques mots de plus pour le lire.\n' \
        "$i" "$i" >"$DIR/note$i.txt"
done

# Starts an index run in the background and freezes it once it holds the index.
start_frozen() {
    "$REVUE" index "$DIR" 2>"$WORK/bg-err" &
    BG=$!
    for _ in $(seq 1 500); do
        [ -s "$REVUE_DB/revue-index.pid" ] && break
        sleep 0.01
    done
    kill -STOP "$BG"
}

start_frozen
run index "$DIR"
expect_status 2 "second writer"
expect_err_has "index is locked by another revue index (pid $BG)" "lock message names the pid"
expect_one_line_err "second writer"
run search --count commun
check; [ "$STATUS" -le 1 ] || fail "search while indexing answers from the last commit"

# Ctrl-C: commit what is done, print the summary, exit 130.
kill -INT "$BG"
kill -CONT "$BG"
wait "$BG"
STATUS=$?
expect_status 130 "interrupted run"
check; grep -q "interrupted, indexed:" "$WORK/bg-err" || fail "summary after Ctrl-C"
run search --count commun
check; [ "$STATUS" -le 1 ] || fail "index readable after Ctrl-C"
run index "$DIR"
expect_status 0 "run after Ctrl-C"
run search --count commun
expect_eq "$OUT" "$N" "every clipping once after Ctrl-C and a new run"

# SIGKILL partway: the last commit still answers, the next run completes the work.
rm -rf "$REVUE_DB"
start_frozen
kill -KILL "$BG"
wait "$BG" 2>/dev/null
run search --count commun
check; [ "$STATUS" -le 1 ] || fail "index readable after SIGKILL (status $STATUS)"
run index "$DIR"
expect_status 0 "run after SIGKILL"
run search --count commun
expect_eq "$OUT" "$N" "every clipping once after SIGKILL and a new run"

# An index folder that cannot be written: exit 2, one line (root writes everywhere).
if [ "$(id -u)" -ne 0 ]; then
    chmod a-w "$REVUE_DB"/*
    run index "$DIR"
    expect_status 2 "read-only index"
    chmod u+w "$REVUE_DB"/*
fi

finish
