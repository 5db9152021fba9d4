# Issue 5: the query language, ranking and shaping of results, and the output for pipelines,
# on tests/fixtures/query. Every expected answer below was worked out by hand from the
# fixture texts:
#
#   file                        source            date        author         lang  tags
#   monde-mistral.txt           Le Monde          2024-02-29  Claire Dupont  fr
#   echos-azure.txt             Les Echos         2024-02-01  Paul Martin    fr
#   liberation-ovh.txt          Libération        2023-06-15  Julie Bernard  fr
#   monde-depeche.txt           Le Monde          2024-03-05  AFP            fr    } one agency
#   echos-depeche.txt           Les Echos         2024-03-05  AFP            fr    } dispatch,
#   liberation-depeche.txt      Libération        2024-03-06  AFP            fr    } 3 papers
#   ft-regulators.txt           Financial Times   2024-01-10  John Smith     en
#   figaro-sans-date.txt        Le Figaro         (none)      Marc Leroy     fr
#   2023-12-31_echos-bilan.txt  Les Echos         2023-12-31  Paul Martin    fr   (file name)
#   2024-01-01_monde-voeux.txt  Le Monde          2024-01-01  Claire Dupont  fr   (file name)
#   usine-ia.md                 L'Usine Nouvelle  2023-11-20  Sophie Durand  fr    ia, industrie
#   usine-robots.md             L'Usine Nouvelle  2024-03-20  Sophie Durand  fr    ia, robotique
. "$(dirname "$0")/lib.sh"

Q=$(copy_fixture query)
run index "$Q"
expect_status 0 "index the query fixture"
expect_err_has "12 added" "twelve clippings"

# expect_names "EXPECTED" ARGS...: the files `search -l -n 0 ARGS` lists, by name, sorted;
# the exit status is 0 when something is expected, else 1.
expect_names() {
    local expected=$1
    shift
    run search -n 0 -l "$@"
    local names
    names=$(printf '%s\n' "$OUT" | sed '/^$/d' | xargs -r -n1 basename | sort | tr '\n' ' ')
    expect_eq "${names% }" "$expected" "search $*"
    expect_status "$([ -n "$expected" ] && echo 0 || echo 1)" "status of search $*"
}

# expect_order "EXPECTED" ARGS...: the hits of `search --format json -n 0 ARGS`, in order.
expect_order() {
    local expected=$1
    shift
    run search --format json -n 0 "$@"
    local names
    names=$(printf '%s\n' "$OUT" | jq -r 'select(.type=="hit") | .path' | xargs -r -n1 basename |
        tr '\n' ' ')
    expect_eq "${names% }" "$expected" "order of search $*"
}

# --- Operators -------------------------------------------------------------------------
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" microsoft mistral
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" microsoft AND mistral
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" microsoft ET mistral
expect_names "ft-regulators.txt liberation-ovh.txt" ovhcloud OR regulators
expect_names "ft-regulators.txt liberation-ovh.txt" ovhcloud OU regulators
expect_names "figaro-sans-date.txt" microsoft NOT mistral
expect_names "figaro-sans-date.txt" microsoft SAUF mistral
expect_names "figaro-sans-date.txt" 'microsoft -mistral'
expect_names "2024-01-01_monde-voeux.txt liberation-ovh.txt" -- cloud -microsoft
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" '+mistral'
expect_names "echos-azure.txt monde-mistral.txt" '+mistral +azure'
expect_names "" '+mistral +ovhcloud'
# A lone NOT keeps every clipping without the word (12 - 4 with microsoft).
run search -c NOT microsoft
expect_eq "$OUT" "8" "NOT alone"
# AND binds tighter than OR; parentheses change that.
expect_names "liberation-ovh.txt" '(mistral OR ovhcloud) AND NOT microsoft'
expect_names "echos-azure.txt ft-regulators.txt liberation-ovh.txt monde-mistral.txt" \
    'mistral OR ovhcloud AND NOT microsoft'
# NEAR: within 10 words (Mistral and Azure are 6 apart in monde-mistral, far apart in
# echos-azure); NEAR/n within n.
expect_names "echos-azure.txt monde-mistral.txt" mistral azure
expect_names "monde-mistral.txt" mistral NEAR azure
# Stop words take no position: in "Mistral AI proposera ses modèles sur Azure", "ai", "ses"
# and "sur" are French stop words, so Mistral and Azure are 3 words apart.
expect_names "monde-mistral.txt" mistral NEAR/3 azure
expect_names "" mistral NEAR/2 azure
# Phrases: only adjacent words (echos-azure has "open data … source").
expect_names "echos-azure.txt liberation-ovh.txt monde-mistral.txt" open source
expect_names "liberation-ovh.txt monde-mistral.txt" '"open source"'
expect_names "liberation-ovh.txt" '"open source"' NOT microsoft
# A trailing wildcard reaches "azuréenne", which neither azure nor its stem does.
expect_names "echos-azure.txt monde-mistral.txt" azure
expect_names "echos-azure.txt liberation-ovh.txt monde-mistral.txt" 'azur*'
run search --format json 'azur*'
ovh=$(printf '%s\n' "$OUT" | jq -c 'select(.path | endswith("liberation-ovh.txt"))')
range=$(jq -r '.matches[0] | "\(.start) \(.end)"' <<<"$ovh")
read -r start end <<<"$range"
expect_eq "$(jq -j .snippet <<<"$ovh" | head -c "$end" | tail -c "$((end - start))")" "azuréenne" \
    "azur* highlights azuréenne"

# --- Fields ------------------------------------------------------------------------------
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" mistral
expect_names "monde-mistral.txt" title:mistral
expect_names "monde-mistral.txt" titre:Mistral
expect_names "2023-12-31_echos-bilan.txt echos-azure.txt echos-depeche.txt" source:echos
expect_names "2024-01-01_monde-voeux.txt monde-depeche.txt monde-mistral.txt" 'source:"le monde"'
expect_names "liberation-depeche.txt liberation-ovh.txt" source:libération
expect_names "liberation-depeche.txt liberation-ovh.txt" source:liberation
expect_names "2024-01-01_monde-voeux.txt monde-mistral.txt" author:dupont
expect_names "2024-01-01_monde-voeux.txt monde-mistral.txt" 'author:"Claire Dupont"'
expect_names "usine-ia.md usine-robots.md" auteur:durand
expect_names "ft-regulators.txt" lang:en
expect_names "ft-regulators.txt" lang:en cloud
expect_names "ft-regulators.txt" --lang en cloud
expect_names "usine-ia.md usine-robots.md" tag:ia
expect_names "usine-ia.md usine-robots.md" tag:IA
expect_names "usine-robots.md" tag:robotique
expect_names "2023-12-31_echos-bilan.txt liberation-ovh.txt usine-ia.md" year:2023
expect_names "echos-azure.txt ft-regulators.txt monde-mistral.txt" year:2024 mistral

# --- Dates ------------------------------------------------------------------------------
# Both ends are inclusive: echos-azure is dated 2024-02-01, monde-mistral 2024-02-29.
expect_names "echos-azure.txt monde-mistral.txt" date:2024-02-01..2024-02-29
expect_names "" date:2024-02-02..2024-02-28
expect_names "echos-azure.txt monde-mistral.txt" date:2024-02
expect_names "monde-mistral.txt" date:2024-02-29
expect_names "echos-azure.txt echos-depeche.txt liberation-depeche.txt monde-depeche.txt monde-mistral.txt usine-robots.md" \
    --no-collapse date:2024-02..
expect_names "2023-12-31_echos-bilan.txt liberation-ovh.txt usine-ia.md" date:..2023
expect_names "2023-12-31_echos-bilan.txt 2024-01-01_monde-voeux.txt" date:2023-12-31..2024-01-01
# The clipping without a date matches words, never a date range.
expect_names "2024-01-01_monde-voeux.txt figaro-sans-date.txt ft-regulators.txt liberation-ovh.txt monde-mistral.txt" cloud
expect_names "2024-01-01_monde-voeux.txt ft-regulators.txt liberation-ovh.txt monde-mistral.txt" \
    cloud date:..2099
expect_names "figaro-sans-date.txt" NOT date:..
run search -c --no-collapse date:..
expect_eq "$OUT" "11" "every dated clipping"
expect_names "2024-01-01_monde-voeux.txt ft-regulators.txt liberation-ovh.txt monde-mistral.txt" \
    --until 2099 cloud
expect_names "2024-01-01_monde-voeux.txt ft-regulators.txt liberation-ovh.txt monde-mistral.txt" \
    --since 2000 cloud
expect_names "echos-depeche.txt liberation-depeche.txt monde-depeche.txt" \
    --no-collapse --since 2024-03 téléphérique
expect_names "liberation-depeche.txt" --no-collapse --since 2024-03-06 téléphérique
expect_names "echos-depeche.txt monde-depeche.txt" --no-collapse --until 2024-03-05 téléphérique
expect_names "2024-01-01_monde-voeux.txt ft-regulators.txt" --since 2024-01-01 --until 2024-01-10 date:..
run search --since 2024-02-30 cloud
expect_status 2 "bad --since"
expect_one_line_err "bad --since"
expect_err_has "--since/--until: bad date '2024-02-30'" "bad --since names the date"

# --- Sort ------------------------------------------------------------------------------
# Relevance: a title word weighs most, so the clipping titled with Mistral comes first.
run search --format json mistral
expect_eq "$(printf '%s\n' "$OUT" | head -1 | jq -r .path)" "$Q/monde-mistral.txt" "relevance"
expect_order "ft-regulators.txt echos-azure.txt monde-mistral.txt" --sort date mistral
expect_order "monde-mistral.txt echos-azure.txt ft-regulators.txt" --sort -date mistral
expect_order "monde-mistral.txt echos-azure.txt ft-regulators.txt" --sort=-date mistral
# Equal scores (filters only) go newest first.
expect_order "usine-robots.md usine-ia.md" tag:ia
expect_order "2023-12-31_echos-bilan.txt usine-ia.md liberation-ovh.txt" year:2023
run search --format json year:2023
expect_eq "$(printf '%s\n' "$OUT" | jq -s 'map(.score) | unique | length')" "1" "year:2023 ties"
# The clipping without a date comes last, whichever way dates run.
expect_order "liberation-ovh.txt 2024-01-01_monde-voeux.txt ft-regulators.txt monde-mistral.txt figaro-sans-date.txt" \
    --sort date cloud
expect_order "monde-mistral.txt ft-regulators.txt 2024-01-01_monde-voeux.txt liberation-ovh.txt figaro-sans-date.txt" \
    --sort -date cloud
run search --sort newest cloud
expect_status 2 "unknown sort"

# --- Facets: over every match, not only the hits shown -----------------------------------
run search --format json --facet source -n 1 cloud
expect_status 0 "facet source"
expect_eq "$(printf '%s\n' "$OUT" | jq -c 'select(.type=="hit") | .rank')" "1" "one hit shown"
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -c .facets)" \
    '{"source":{"Le Monde":2,"Financial Times":1,"Le Figaro":1,"Libération":1}}' "facet source"
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -r .total)" "5" "facet total"
run search --format json --facet year --facet author --facet lang -n 1 cloud
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -c .facets)" \
    '{"year":{"2024":3,"2023":1},"author":{"Claire Dupont":2,"John Smith":1,"Julie Bernard":1,"Marc Leroy":1},"lang":{"fr":4,"en":1}}' \
    "facets year, author (no value for none), lang"
run search --format json --facet source,year -n 1 cloud
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -c '.facets | keys_unsorted')" '["source","year"]' \
    "--facet with a comma list"
# Copies that collapse into one hit still count, each in its paper.
run search --format json --facet source téléphérique
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -c .facets.source)" \
    '{"Le Monde":1,"Les Echos":1,"Libération":1}' "facet counts collapsed copies"
# The QUERY after --facet VALUE is a query word, not another facet.
run search --facet source -n 1 cloud
expect_status 0 "text facets"
expect_out_has $'\n\nsource:\n   2  Le Monde\n   1  Financial Times\n   1  Le Figaro\n   1  Libération\n\n5 matches' \
    "text facet block after the hits"
run search --facet color cloud
expect_status 2 "unknown facet"

# --- Collapse: one agency dispatch printed in three papers -------------------------------
run search --format json téléphérique
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "1" "copies collapse into one hit"
expect_eq "$(jq -r '.also_in | map(.path) | map(split("/") | last) | join(" ")' <<<"$OUT")" \
    "$(jq -r '.path | split("/") | last' <<<"$OUT" |
        sed 's/^echos-depeche.txt$/monde-depeche.txt liberation-depeche.txt/;
             s/^monde-depeche.txt$/echos-depeche.txt liberation-depeche.txt/;
             s/^liberation-depeche.txt$/echos-depeche.txt monde-depeche.txt/')" \
    "also_in lists the two other copies, oldest first"
# "riverains" is only in the Libération copy: it ranks first and stands for the group.
run search --format json 'téléphérique OR riverains'
expect_eq "$(jq -r .path <<<"$OUT")" "$Q/liberation-depeche.txt" "representative: the best ranked"
expect_eq "$(jq -c .also_in <<<"$OUT")" \
    "[{\"source\":\"Les Echos\",\"date\":\"2024-03-05\",\"path\":\"$Q/echos-depeche.txt\",\"article\":1},{\"source\":\"Le Monde\",\"date\":\"2024-03-05\",\"path\":\"$Q/monde-depeche.txt\",\"article\":1}]" \
    "also_in: source, date, path, article"
run search 'téléphérique OR riverains'
expect_out_has $'\n   also in: Les Echos (2024-03-05), Le Monde (2024-03-05)' "text also in line"
run search --format json --no-collapse 'téléphérique OR riverains'
expect_eq "$(printf '%s\n' "$OUT" | jq -r .path | xargs -n1 basename | tr '\n' ' ')" \
    "liberation-depeche.txt echos-depeche.txt monde-depeche.txt " "--no-collapse shows every copy"
expect_eq "$(printf '%s\n' "$OUT" | jq -c .also_in | sort -u)" "[]" "no also_in without collapse"
# Only copies that match the query are listed.
run search --format json téléphérique poma
expect_eq "$(jq -c '[.path, .also_in]' <<<"$OUT")" "[\"$Q/echos-depeche.txt\",[]]" "one copy matches"
run search --format json mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -c .also_in | sort -u)" "[]" "also_in always present"
run search -c téléphérique
expect_eq "$OUT" "3" "count counts every copy"
run search --format json --summary téléphérique
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq .total)" "3" "summary total counts every copy"

# --- Spelling ---------------------------------------------------------------------------
run search 'mistarl azrue'
expect_status 1 "misspelt query finds nothing"
expect_eq "$OUT" "" "nothing on stdout"
expect_eq "$ERR" "revue: did you mean: mistral azure?" "suggestion on stderr"
run search --format json --summary 'Mistarl azrue'
expect_eq "$(jq -r .suggestion <<<"$OUT")" "mistral azure" "suggestion in the JSON summary"
expect_eq "$ERR" "" "no stderr line in JSON mode"
run search --format json --summary mistral
expect_eq "$(printf '%s\n' "$OUT" | tail -1 | jq -c .suggestion)" "null" "no suggestion when found"
run search ovhcloud
expect_eq "$ERR" "" "no suggestion for a word the index has"

# --- Summary and JSON types -------------------------------------------------------------
run search --format json --summary -n 1 mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -r .type | tr '\n' ' ')" "hit summary " "types"
summary=$(printf '%s\n' "$OUT" | tail -1)
expect_eq "$(jq -c 'keys_unsorted' <<<"$summary")" '["type","total","elapsed_ms","suggestion","facets"]' \
    "summary keys in order"
expect_eq "$(jq '.total' <<<"$summary")" "3" "summary total over the whole match set"
expect_eq "$(jq '.elapsed_ms | type == "number" and . >= 0' <<<"$summary")" "true" "elapsed_ms"
expect_eq "$(jq -c .facets <<<"$summary")" "{}" "no facets asked"
run search --format json --summary -n 0 mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -c 'select(.type=="hit")' | wc -l)" "3" "jq select hits"
run search --format json mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -r .type | sort -u)" "hit" "no summary unless asked"
run search --summary mistral
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "3 matches" "text summary line"
run search --summary ovhcloud
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "1 match" "text summary, one"
run search --summary zzzz
expect_status 1 "summary of nothing"
expect_eq "$OUT" "0 matches" "text summary, none"
run search --format tsv --summary --facet source mistral
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "3" "tsv: hits only"
run search -l --summary --facet source mistral
expect_eq "$(printf '%s\n' "$OUT" | sed "s|^$Q/||" | sort | tr '\n' ' ')" \
    "echos-azure.txt ft-regulators.txt monde-mistral.txt " "paths stay pure paths"

# --- Batch ------------------------------------------------------------------------------
printf '%s\n' mistral 'azur*' '' 'date:2023-12-31..2024-01-01' téléphérique >"$WORK/queries"
"$REVUE" search --batch --format json <"$WORK/queries" >"$WORK/batch.json" 2>"$WORK/batch.err"
STATUS=$?
OUT=$(cat "$WORK/batch.json")
ERR=$(cat "$WORK/batch.err")
expect_status 0 "batch json"
expect_eq "$ERR" "" "batch: nothing on stderr"
expect_eq "$(jq -r .query <"$WORK/batch.json" | uniq | tr '\n' '|')" \
    "mistral|azur*|date:2023-12-31..2024-01-01|téléphérique|" "batch: queries in input order"
single=""
for q in mistral 'azur*' 'date:2023-12-31..2024-01-01' téléphérique; do
    single+=$("$REVUE" search --format json "$q")$'\n'
done
expect_eq "$(jq -c 'del(.query)' <"$WORK/batch.json")" "$(printf '%s' "$single" | jq -c .)" \
    "batch json = the queries one by one"
"$REVUE" search --batch --format json --summary --facet source <"$WORK/queries" >"$WORK/batch.json"
expect_eq "$(jq -r 'select(.type=="summary") | "\(.query)=\(.total)"' <"$WORK/batch.json" | tr '\n' ' ')" \
    "mistral=3 azur*=3 date:2023-12-31..2024-01-01=2 téléphérique=3 " "batch summaries"
# Text: a header per query, then the same answer as alone.
run search --batch <"$WORK/queries"
expected=""
for q in mistral 'azur*' 'date:2023-12-31..2024-01-01' téléphérique; do
    [ -n "$expected" ] && expected+=$'\n\n'
    expected+="## $q"$'\n'$("$REVUE" search "$q")
done
expect_eq "$OUT" "$expected" "batch text = headers + the queries one by one"
# A bad line: reported with its number, the others answered, exit 2 at the end.
printf '%s\n' mistral AND '"open source' ovhcloud >"$WORK/bad"
"$REVUE" search --batch --format json <"$WORK/bad" >"$WORK/out" 2>"$WORK/err"
STATUS=$?
OUT=$(cat "$WORK/out")
ERR=$(cat "$WORK/err")
expect_status 2 "batch with bad lines"
expect_eq "$(jq -r .query <"$WORK/out" | uniq | tr '\n' ' ')" "mistral ovhcloud " "good lines answered"
expect_eq "$(printf '%s\n' "$ERR" | wc -l)" "2" "one stderr line per bad line"
expect_err_has "revue: line 2: bad query: 'AND' at character 1 has nothing before it" "line 2"
expect_err_has "revue: line 3: bad query: the phrase opened at character 1 is not closed" "line 3"
printf '%s\n' zzzz yyyy >"$WORK/none"
run search --batch <"$WORK/none"
expect_status 1 "batch where nothing matches"
printf '%s\n' mistral cloud >"$WORK/two"
run search --batch -c <"$WORK/two"
expect_eq "$OUT" $'3\n5' "batch count: one number per query"
run search --batch mistral </dev/null
expect_status 2 "batch with a QUERY argument"
expect_one_line_err "batch with a QUERY argument"

# --- Snippets, limits and short flags ----------------------------------------------------
run search --format json --snippet-chars 40 -n 0 mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -s 'map(.snippet | length <= 42 and length > 0) | all')" "true" \
    "--snippet-chars 40 (plus two …)"
run search --format json -n 0 mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -s 'map(.snippet | length > 42) | any')" "true" \
    "default snippets are longer"
run search --format json --no-snippet -n 0 mistral
expect_eq "$(printf '%s\n' "$OUT" | jq -c '[.snippet, .matches]' | sort -u)" '["",[]]' "--no-snippet"
run search --format json --no-collapse lang:fr
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "10" "10 hits by default"
run search --format json --no-collapse -n 0 lang:fr
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "11" "-n 0: every hit"
run search -l mistral
expect_eq "$OUT" "$("$REVUE" search --format paths mistral)" "-l = --format paths"
run search -c mistral
expect_eq "$OUT" "3" "-c = --count"
"$REVUE" search -l -0 mistral >"$WORK/nul"
expect_eq "$(tr -cd '\0' <"$WORK/nul" | wc -c)" "3" "-0 ends each path with NUL"
expect_eq "$(tr '\0' '\n' <"$WORK/nul" | sort | tr '\n' ' ')" \
    "$Q/echos-azure.txt $Q/ft-regulators.txt $Q/monde-mistral.txt " "-0 paths"

# --- Malformed queries: exit 2, one line saying what and where, nothing on stdout ----------
bad() {  # bad "MESSAGE" QUERY...
    local message=$1
    shift
    run search "$@"
    expect_status 2 "malformed: $*"
    expect_one_line_err "malformed: $*"
    expect_err_has "$message" "message for $*"
    expect_eq "$OUT" "" "no output for $*"
}
bad "the phrase opened at character 1 is not closed" '"open source'
bad "bad date '2024-13-45'" 'date:2024-13-45..'
bad "bad date range: 2024-03 is after 2024-02" 'date:2024-03..2024-02'
bad "'AND' at character 1 has nothing before it" AND
bad "'ET' at character 1 has nothing before it" ET
bad "'OR' at character 9 has nothing after it" mistral OR
bad "'NOT' at character 1 has nothing after it" NOT
bad "'NEAR' at character 1 needs one word on each side" NEAR azure
bad "'NEAR/x' at character 9 takes a number" mistral NEAR/x azure
bad "'title:' at character 1 has nothing after it (e.g. title:mistral)" title:
bad "'date:' at character 7 has nothing after it" azure date:
bad "'-microsoft' at character 1 only excludes" -- -microsoft
bad "its operators do not fit together" -- '-microsoft OR ovhcloud'
bad "the query is empty" ''

finish
