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

# On a terminal a progress line (files done / total, MB/s), redrawn in place; --quiet: none.
if script -qec true /dev/null >/dev/null 2>&1; then
    REVUE_DB="$WORK/tty-index" script -qec "'$REVUE' index '$DIR'" /dev/null >"$WORK/tty" 2>&1
    check; grep -q "$N/$N files" "$WORK/tty" || fail "progress line on a terminal: $(head -c 300 "$WORK/tty")"
    check; grep -q $'\r' "$WORK/tty" || fail "progress line redrawn in place"
    check; grep -q "revue: indexed: $N added" "$WORK/tty" || fail "summary after the progress line"
    REVUE_DB="$WORK/tty-index2" script -qec "'$REVUE' index --quiet '$DIR'" /dev/null >"$WORK/tty" 2>&1
    check; grep -q "files, " "$WORK/tty" && fail "--quiet shows no progress line"
fi

# An index folder that cannot be written: exit 2, one line, and the index still answers.
# Root writes everywhere; in a user namespace it is an ordinary owner again.
AS_USER=()
CAN_DENY=1
if [ "$(id -u)" -eq 0 ]; then
    if unshare -U true 2>/dev/null; then AS_USER=(unshare -U); else CAN_DENY=0; fi
fi
if [ "$CAN_DENY" -eq 1 ]; then
    touch "$DIR/note1.txt"  # something to write
    chmod -R a-w "$REVUE_DB"
    "${AS_USER[@]}" "$REVUE" index "$DIR" >"$WORK/out" 2>"$WORK/err"
    STATUS=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
    expect_status 2 "read-only index folder"
    expect_err_has "cannot write the index $REVUE_DB" "read-only index folder message"
    expect_one_line_err "read-only index folder"
    "${AS_USER[@]}" "$REVUE" search --count commun >"$WORK/out" 2>"$WORK/err"
    STATUS=$?
    OUT=$(cat "$WORK/out")
    expect_eq "$OUT" "$N" "a read-only index still answers"
    chmod -R u+w "$REVUE_DB"
else
    echo "note: root without user namespaces writes everywhere: no read-only index check" >&2
fi

# A disk that fills up: exit 2 with the system's reason; the last commit still answers.
# A small tmpfs in a user and mount namespace is the full disk.
if unshare -Urm true 2>/dev/null; then
    BIG="$WORK/big"
    mkdir -p "$BIG" "$WORK/full"
    for i in $(seq 1 400); do
        seq "$i" 400 $((i * 400)) | sed "s/^/motplein$i-/" | tr '\n' ' ' |
            { printf 'Gros texte %d\n\n' "$i"; cat; } >"$BIG/big$i.txt"
    done
    unshare -Urm bash -c '
        mount -t tmpfs -o size=1m tmpfs "$1/full" || exit 99
        export REVUE_DB="$1/full/index"
        "$2" index "$3" >/dev/null 2>&1 || exit 98
        "$2" search --count commun >"$1/full-before" 2>&1
        "$2" index "$4" >"$1/full-out" 2>"$1/full-err"
        echo $? >"$1/full-status"
        "$2" search --count commun >"$1/full-count" 2>&1
    ' _ "$WORK" "$REVUE" "$FIXTURES/basic" "$BIG"
    STATUS=$(cat "$WORK/full-status" 2>/dev/null || echo "setup failed")
    ERR=$(cat "$WORK/full-err" 2>/dev/null)
    expect_eq "$STATUS" 2 "full disk exit status"
    expect_err_has "No space left on device" "full disk names the reason"
    expect_err_has "cannot write the index" "full disk says what failed"
    check
    [ "$(grep -c . "$WORK/full-err")" -eq 1 ] || fail "full disk: one line on stderr"
    expect_eq "$(cat "$WORK/full-count")" "$(cat "$WORK/full-before")" \
        "after a full disk the last commit answers"
    check
    [ "$(cat "$WORK/full-before")" -gt 0 ] || fail "full disk: the first index found nothing"
else
    echo "note: no user namespaces: no full-disk check" >&2
fi

finish
