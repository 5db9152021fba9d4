# Shared helpers of the end-to-end tests: run the built revue binary, check what it prints
# and its exit status. Each test script sources this file and calls `finish` at the end.
set -u

: "${REVUE:?REVUE must point at the built revue binary}"
: "${FIXTURES:?FIXTURES must point at tests/fixtures}"

WORK=$(mktemp -d)
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export REVUE_DB="$WORK/index"
unset NO_COLOR XDG_DATA_HOME
FAILED=0
CHECKS=0

# run ARGS...: runs revue, leaving $OUT, $ERR and $STATUS.
run() {
    "$REVUE" "$@" >"$WORK/out" 2>"$WORK/err"
    STATUS=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL: $*" >&2
    echo "  command status: ${STATUS:-?}" >&2
    echo "  stdout: ${OUT:-}" | head -20 >&2
    echo "  stderr: ${ERR:-}" | head -10 >&2
}

check() { CHECKS=$((CHECKS + 1)); }

expect_status() {  # expect_status N WHAT
    check
    [ "$STATUS" -eq "$1" ] || fail "$2: expected exit $1, got $STATUS"
}

expect_out_has() {  # expect_out_has TEXT WHAT
    check
    case "$OUT" in *"$1"*) ;; *) fail "$2: stdout lacks '$1'" ;; esac
}

expect_out_lacks() {
    check
    case "$OUT" in *"$1"*) fail "$2: stdout has '$1'" ;; *) ;; esac
}

expect_err_has() {
    check
    case "$ERR" in *"$1"*) ;; *) fail "$2: stderr lacks '$1'" ;; esac
}

expect_eq() {  # expect_eq ACTUAL EXPECTED WHAT
    check
    [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"
}

expect_one_line_err() {
    check
    [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] && [ -n "$ERR" ] ||
        fail "$1: expected one line on stderr"
    case "$ERR" in *Traceback*|*terminate*|*Aborted*|*what\(\)*) fail "$1: crash text" ;; esac
}

# Copies a fixture folder into the work folder, so tests may change it.
copy_fixture() {
    cp -R "$FIXTURES/$1" "$WORK/$1"
    printf '%s' "$WORK/$1"
}

finish() {
    echo "$CHECKS checks, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
