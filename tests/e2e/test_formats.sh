# Issue 4: a folder holding every format, encoding and bad file indexes in one run with exit 0;
# every article is found by its own words and fields, every bad file is named once in a warning.
. "$(dirname "$0")/lib.sh"

DIR=$(copy_fixture formats)
# The index lives inside the folder it indexes, under a name that is not hidden: the walk
# must pass over it by identity, not by name.
export REVUE_DB="$DIR/index"
NL=$'\n'
FF=$'\xff'

# Root reads a chmod 000 file anyway. In a new user namespace without an id mapping the
# kernel no longer lets root override permission bits on files it owns outside, so the
# owner bits apply again, and the index folder, which root owns, stays writable.
AS_USER=()
CAN_DENY=1
if [ "$(id -u)" -eq 0 ]; then
    if unshare -U true 2>/dev/null; then
        AS_USER=(unshare -U)
    else
        CAN_DENY=0
        echo "note: root without user namespaces reads every file: no unreadable files" >&2
    fi
fi

# --- Bad files that cannot be committed, made here -------------------------------------------
if [ "$CAN_DENY" -eq 1 ]; then
    printf 'Note verrouillée\n\nLe mot verrouillemot ne doit pas sortir.\n' >"$DIR/locked.txt"
    chmod 000 "$DIR/locked.txt"
    mkdir "$DIR/locked_dir"
    printf 'Dossier fermé\n\nLe mot dossierfermemot.\n' >"$DIR/locked_dir/a.txt"
    chmod 000 "$DIR/locked_dir"
fi
mkdir "$DIR/sub"
printf 'Sous-dossier\n\nLes sardiniers de Concarneau rentrent au port.\n' >"$DIR/sub/inner.txt"
ln -s .. "$DIR/sub/up"               # a folder link back to its parent: a loop
ln -s self "$DIR/self"               # a link to itself
ln -s nowhere.txt "$DIR/broken.txt"  # a link to nothing
mkfifo "$DIR/pipe.txt"               # not a regular file: opening it would block
printf 'Nom sur deux lignes\n\nLe mot sautdeligne est ici.\n' >"$DIR/two${NL}lines.txt"
printf 'Nom en octets\n\nLe mot octetinvalide est ici.\n' >"$DIR/bad${FF}name.txt"
: >"$DIR/empty${NL}name.txt"      # a bad file with a newline in its name: one warning line
: >"$DIR/vide${FF}.txt"           # a bad file whose name is not UTF-8
{
    printf 'Un fichier trop gros\n\n'
    for _ in $(seq 200); do printf 'Le mot tropgrosmot revient sans cesse. '; done
} >"$DIR/big.txt"
printf 'Terminal\n\nLe mot echappemot \033[31mrouge\007.\n' >"$DIR/escape.txt"  # no terminal codes
mkdir "$DIR/.git" "$DIR/.revue"
printf 'Config\n\nLe mot gitcachemot.\n' >"$DIR/.git/notes.txt"
printf 'Revue\n\nLe mot revuecachemot.\n' >"$DIR/.revue/notes.txt"
printf 'Caché\n\nLe mot fichiercachemot.\n' >"$DIR/.cache.txt"
cat >"$DIR/english.txt" <<'EOF'
Oyster farmers in Arcachon count their losses

The oyster farmers of the Arcachon basin say that the heavy rains of the winter have lowered
the salinity of the water, and that many young oysters did not survive the cold months. The
regional committee has asked the government for help before the summer season begins.
EOF

# As lib.sh's run, through AS_USER.
run_index() {
    "${AS_USER[@]}" "$REVUE" index --max-size 4096 "$DIR" >"$WORK/out" 2>"$WORK/err"
    # shellcheck disable=SC2034  # read by lib.sh's expect_status
    STATUS=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

# Each bad file, escaped as a warning prints it, and its reason.
WARNINGS=(
    "$DIR/big.txt: skipped: too large"
    "$DIR/broken.txt: skipped: broken symbolic link"
    "$DIR/empty.txt: skipped: empty"
    "$DIR/empty\\nname.txt: skipped: empty"
    "$DIR/junk.txt: skipped: not text"
    "$DIR/pipe.txt: skipped: not a regular file"
    "$DIR/scan.pdf: skipped: no text layer"
    "$DIR/self: skipped: symbolic link loop"
    "$DIR/sub/up: skipped: symbolic link loop"
    "$DIR/vide\\xFF.txt: skipped: empty"
)
SKIPPED="(1 broken symbolic link, 3 empty, 1 no text layer, 1 not a regular file, 1 not text, 2 symbolic link loop, 1 too large)"
NSKIPPED=10
if [ "$CAN_DENY" -eq 1 ]; then
    WARNINGS+=("$DIR/locked.txt: skipped: permission denied" "$DIR/locked_dir: skipped: permission denied")
    SKIPPED="(1 broken symbolic link, 3 empty, 1 no text layer, 1 not a regular file, 1 not text, 2 permission denied, 2 symbolic link loop, 1 too large)"
    NSKIPPED=12
fi
# The 12 fixtures that hold text, sub/inner.txt, two\nlines.txt, bad\xffname.txt, english.txt,
# escape.txt.
NFILES=17

check_warnings() {  # check_warnings WHICH-RUN
    local w
    for w in "${WARNINGS[@]}"; do
        check
        [ "$(grep -acF -- "revue: warning: $w" <<<"$ERR")" -eq 1 ] ||
            fail "$1: one warning '$w'"
    done
    expect_eq "$(grep -ac '^revue: warning: ' <<<"$ERR")" "${#WARNINGS[@]}" "$1: no other warning"
    expect_eq "$(wc -l <"$WORK/err")" "$((${#WARNINGS[@]} + 1))" "$1: warnings and summary only"
    check
    iconv -f UTF-8 -t UTF-8 "$WORK/err" >/dev/null 2>&1 ||
        fail "$1: warnings are UTF-8 whatever the bytes of the names"
    expect_err_has "$NSKIPPED skipped $SKIPPED" "$1: summary counts the skipped files by reason"
}

# --- One run indexes everything ---------------------------------------------------------------
run_index
expect_status 0 "index the formats folder"
expect_eq "$OUT" "" "index prints nothing on stdout"
expect_err_has "revue: indexed: $NFILES added, 0 updated, 0 removed, 0 unchanged," "first run summary"
check_warnings "first run"

# --- Each article by its own words, with its fields -------------------------------------------
# expect_article "PATH#ARTICLE|TITLE|SOURCE|AUTHOR|DATE|LANG|TAGS" WORD...: each WORD finds
# that article and nothing else.
expect_article() {
    local want=$1 word got
    shift
    for word in "$@"; do
        run search --format json -n 0 "$word"
        expect_status 0 "search $word"
        got=$(jq -r --arg dir "$DIR/" '[(.path | ltrimstr($dir)) + "#" + (.article | tostring),
                .title, .source, .author, (.date // ""), .lang, (.tags | join(","))] | join("|")' \
            <<<"$OUT")
        expect_eq "$got" "$want" "fields of the hit for $word"
    done
}

expect_article "press.txt#1|La chanvrière de Landerneau séduit les architectes|Les Echos|M. L.|2024-03-12|fr|" \
    chanvrière Landerneau défibrage
expect_article "note.md#1|Carnet : les hyperscaleurs à Gravelines|Notes de veille|Claire Vasseur|2024-03-01|fr|ia,cloud" \
    hyperscaleurs Gravelines kubectl
expect_article "export_europresse.html#1|Les vignerons du Jura face au gel|Le Monde|Sophie Martin|2024-02-29|fr|" \
    savagnin Arbois
expect_article "export_europresse.html#2|Grenoble agrandit sa flotte de vélos cargos|Libération|Julien Roux|2024-03-01|fr|" \
    triporteurs
expect_article "export_europresse.html#3|Les macareux reviennent aux Sept-Îles|Ouest-France|Anne Le Goff|2024-03-02|fr|" \
    macareux Rouzic
expect_article "page.html#1|La recette du kouign-amann de Douarnenez||||fr|" Douarnenez feuilletée
expect_article "note.pdf#1|Note sur le parc éolien de Fécamp||||fr|" éoliennes falaises
expect_article "cp1252.txt#1|La braderie de Lille||||fr|" braderie Rihour moulière cœur
expect_article "latin9.txt#1|Foire aux bestiaux de Charolles||||fr|" bœuf charolais
expect_article "utf8_bom_crlf.txt#1|Le tramway de Besançon||||fr|" citadelle
expect_article "utf16le.txt#1|Le funiculaire de Montmartre||||fr|" butte
# The bad byte sits between Pralognan and the marmotte: the rest of the file is indexed.
expect_article "invalid_utf8.txt#1|Randonnée en Vanoise||||fr|" Pralognan marmotte bouquetins
expect_article "2024-03-15_note.txt#1|Le permafrost fond sous l'Aiguille du Midi|||2024-03-15|fr|" permafrost
expect_article "l'article \"cité\" ici.txt#1|Les ostréiculteurs de Marennes||||fr|" ostréiculteurs
expect_article "english.txt#1|Oyster farmers in Arcachon count their losses||||en|" Arcachon
expect_article "sub/inner.txt#1|Sous-dossier||||fr|" sardiniers
expect_article "two${NL}lines.txt#1|Nom sur deux lignes||||fr|" sautdeligne
# JSON holds text: a byte that is not UTF-8 reads as U+FFFD there (the raw path is in -0).
expect_article "bad"$'\uFFFD'"name.txt#1|Nom en octets||||fr|" octetinvalide

# Markup, scripts, navigation, footers, hidden folders, skipped files: never terms.
for word in cachelienarcep cacheimagesite span scriptmotcache navmotcache stylemotcache \
    Europresse menunavigation Newspapers gitcachemot revuecachemot fichiercachemot \
    tropgrosmot verrouillemot dossierfermemot; do
    run search --count "$word"
    expect_eq "$OUT" "0" "$word is not indexed"
done

# --- Each article by its fields ---------------------------------------------------------------
expect_hits() {  # expect_hits QUERY "PATH#N PATH#N ..."
    run search --format json -n 0 "$1"
    expect_eq "$(jq -r --arg dir "$DIR/" '(.path | ltrimstr($dir)) + "#" + (.article | tostring)' <<<"$OUT" |
        sort | tr '\n' ' ')" "$2" "hits of $1"
}
expect_hits 'source:"Le Monde"' "export_europresse.html#1 "
expect_hits 'source:liberation' "export_europresse.html#2 "
expect_hits 'source:"Ouest-France"' "export_europresse.html#3 "
expect_hits 'source:"Les Echos"' "press.txt#1 "
expect_hits 'source:"notes de veille"' "note.md#1 "
expect_hits 'author:"Sophie Martin"' "export_europresse.html#1 "
expect_hits 'author:"M. L."' "press.txt#1 "
expect_hits 'author:vasseur' "note.md#1 "
expect_hits 'tag:ia' "note.md#1 "
expect_hits 'tag:cloud' "note.md#1 "
expect_hits 'lang:en' "english.txt#1 "
expect_hits 'title:macareux' "export_europresse.html#3 "
expect_hits 'year:2024' "2024-03-15_note.txt#1 export_europresse.html#1 export_europresse.html#2 export_europresse.html#3 note.md#1 press.txt#1 "
run search --format paths --lang en oyster
expect_eq "$OUT" "$DIR/english.txt" "--lang en keeps the English clipping"

# Dates are sortable values.
run search --format json -n 0 --sort date 'year:2024'
expect_eq "$(jq -r .date <<<"$OUT" | tr '\n' ' ')" \
    "2024-02-29 2024-03-01 2024-03-01 2024-03-02 2024-03-12 2024-03-15 " "--sort date"

# Fields show in the text output too.
run search savagnin
expect_out_has "Le Monde · 2024-02-29 · Sophie Martin" "text output shows source, date, author"

# --- show -------------------------------------------------------------------------------------
run show "$DIR/export_europresse.html#2"
expect_status 0 "show PATH#2"
expect_out_has "title: Grenoble agrandit sa flotte de vélos cargos" "show #2 prints the second article"
expect_out_has "triporteurs" "show #2 prints its text"
expect_out_lacks "vignerons" "show #2 leaves the first article out"
expect_out_lacks "macareux" "show #2 leaves the third article out"
run show "$DIR/export_europresse.html"
expect_status 0 "show PATH of a file holding three articles"
expect_eq "$(grep -c '^title: ' <<<"$OUT")" "3" "show PATH prints every article"
expect_out_has "savagnin" "show PATH: first article's text"
expect_out_has "caption: Un macareux sur l'île Rouzic." "show PATH: third article's caption"
run show --format json "$DIR/export_europresse.html"
expect_eq "$(jq -r .article <<<"$OUT" | tr '\n' ' ')" "1 2 3 " "show --format json: one object per article"
run show "$DIR/export_europresse.html#4"
expect_status 1 "show of an article the file does not hold"

# show prints UTF-8, whatever the file's encoding.
for case in "cp1252.txt|Le cœur de la braderie bat place Rihour : une gaufre coûte 3 €, c’est déjà ça" \
    "latin9.txt|Le bœuf charolais s'est vendu 6 € le kilo" \
    "utf16le.txt|Rénové, il gravit la butte" \
    "utf8_bom_crlf.txt|La ligne desservira la citadelle dès l'été prochain." \
    "invalid_utf8.txt|préparent le matériel "$'\uFFFD'" et la marmotte"; do
    file=${case%%|*}
    run show "$DIR/$file"
    expect_status 0 "show $file"
    expect_out_has "${case#*|}" "show $file prints its text in UTF-8"
    check
    iconv -f UTF-8 -t UTF-8 "$WORK/out" >/dev/null 2>&1 || fail "show $file: output is UTF-8"
    check
    grep -q $'\r' "$WORK/out" && fail "show $file: no CR left"
done

# Control characters in a file are not text: show never sends them to the terminal.
run show "$DIR/escape.txt"
expect_out_has "Le mot echappemot [31mrouge." "show: the text around control characters"
expect_out_lacks $'\e' "show: no ESC from the file"
expect_out_lacks $'\a' "show: no BEL from the file"

# --- Names with newlines and bytes that are not UTF-8 -----------------------------------------
run search sautdeligne
expect_out_has "   $DIR/two\\nlines.txt" "text: newline in a name is escaped"
expect_eq "$(wc -l <"$WORK/out")" "3" "text: the hit stays three lines"
run search octetinvalide
expect_out_has "   $DIR/bad\\xFFname.txt" "text: a byte that is not UTF-8 is escaped"
check
iconv -f UTF-8 -t UTF-8 "$WORK/out" >/dev/null 2>&1 || fail "text output is UTF-8"
run search --format tsv sautdeligne OR octetinvalide
expect_eq "$(wc -l <"$WORK/out")" "2" "tsv: one line per hit"
expect_eq "$(cut -f3 "$WORK/out" | sort | tr '\n' ' ')" "$DIR/bad\\xFFname.txt $DIR/two\\nlines.txt " "tsv: names escaped"
run search --format json sautdeligne OR octetinvalide
check
jq -e . "$WORK/out" >/dev/null 2>&1 || fail "json: valid JSON"
expect_eq "$(wc -l <"$WORK/out")" "2" "json: one line per hit"
"$REVUE" search -0 --format paths octetinvalide >"$WORK/nul"
printf '%s\0' "$DIR/bad${FF}name.txt" >"$WORK/want"
check
cmp -s "$WORK/nul" "$WORK/want" || fail "-0 prints the raw bytes of the name"
"$REVUE" search -0 --format paths sautdeligne >"$WORK/nul"
printf '%s\0' "$DIR/two${NL}lines.txt" >"$WORK/want"
check
cmp -s "$WORK/nul" "$WORK/want" || fail "-0 prints the raw newline of the name"
run show "$DIR/two${NL}lines.txt"
expect_status 0 "show of a name with a newline"
expect_out_has "path: $DIR/two\\nlines.txt${NL}" "show: newline in the path escaped"
run show "$DIR/bad${FF}name.txt"
expect_status 0 "show of a name that is not UTF-8"
expect_out_has "title: Nom en octets" "show: the article"
check
iconv -f UTF-8 -t UTF-8 "$WORK/out" >/dev/null 2>&1 || fail "show: a name that is not UTF-8 prints as UTF-8"
run show --format json "$DIR/bad${FF}name.txt"
check
jq -e . "$WORK/out" >/dev/null 2>&1 || fail "show --format json: valid JSON"

run stats
expect_out_has "clippings: $((NFILES + 2))" "stats: one clipping per article, the index's own files not among them"

# --- A second run reads nothing again ---------------------------------------------------------
run_index
expect_status 0 "second run"
expect_err_has "revue: indexed: 0 added, 0 updated, 0 removed, $NFILES unchanged," "second run: all unchanged"
check_warnings "second run"

finish
