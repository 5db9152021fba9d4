// Checks analysis/analyzer.hpp: tokens with terms, positions, offsets and flags, on any text.
#include "revue/analysis/analyzer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "revue/core/fold.hpp"
#include "support.hpp"

using revue::Analyzer;
using revue::Language;
using revue::Token;

namespace {

const Analyzer& fr() {
    return revue::analyzer_for(Language::french);
}
const Analyzer& en() {
    return revue::analyzer_for(Language::english);
}

// "term@position", with "+" before an extra form and "*" after a stop word, space-separated.
std::string render(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& t : tokens) {
        if (!out.empty()) out += ' ';
        if (t.extra) out += '+';
        out += t.term + '@' + std::to_string(t.position);
        if (t.stop) out += '*';
    }
    return out;
}

std::string sample_article() {
    const std::string text = revue::testing::read_bytes(std::filesystem::path(REVUE_CORPUS) /
                                                        "000_f6f7f10f9c7437b1.txt");
    REQUIRE_FALSE(text.empty());
    return text;
}

struct TokenRow {
    Language lang;
    std::string text;
    std::string expected;
};

}  // namespace

TEST_CASE("tokens: terms, positions, extras and stop words", "[analyzer]") {
    const auto F = Language::french;
    const auto E = Language::english;
    const std::vector<TokenRow> rows = {
        // elisions: split off and dropped, any apostrophe, any case
        {F, "l’intelligence artificielle générative", "intelligence@1 artificielle@2 generative@3"},
        {F, "d’avoir vendu son âme au diable", "avoir@1 vendu@2 son@3 ame@4 au@5* diable@6"},
        {F, "L'IA", "ia@1"},
        {F, "D’abord", "abord@1"},
        {F, "j’ai", "ai@1*"},
        {F, "m’a", "a@1*"},
        {F, "n’est", "est@1*"},
        {F, "s’exécutent", "executent@1"},
        {F, "t’as", "as@1*"},
        {F, "c’est", "est@1*"},
        {F, "qu’un", "un@1*"},
        {F, "QU’UN", "un@1*"},
        {F, "jusqu’à", "a@1*"},
        {F, "lorsqu’il", "il@1*"},
        {F, "puisqu’elle", "elle@1*"},
        {F, "quoiqu’on", "on@1*"},
        {F, "lʼAtlantique", "atlantique@1"},
        {F, "l‘autre", "autre@1"},
        {F, "de l’intérêt général", "de@1* interet@2 general@3"},
        {E, "l’intelligence", "intelligence@1"},
        {F, "l’ avion", "l@1 avion@2"},
        // inner apostrophes stay, as ASCII
        {F, "aujourd'hui", "aujourd'hui@1"},
        {F, "Aujourd’hui", "aujourd'hui@1"},
        {F, "presqu’île", "presqu'ile@1"},
        {E, "don't", "don't@1*"},
        {E, "Don’t panic", "don't@1* panic@2"},
        // case and accents
        {F, "francais Français FRANÇAIS", "francais@1 francais@2 francais@3"},
        {F, "Élysée", "elysee@1"},
        {F, "sécurité", "securite@1"},
        {F, "e\u0301te\u0301", "ete@1"},
        {F, "Straße", "strasse@1"},
        {F, "İstanbul", "istanbul@1"},
        {F, "Ñandú", "nandu@1"},
        // ligatures
        {F, "cœur", "coeur@1"},
        {F, "Œuvre", "oeuvre@1"},
        {F, "œuvre", "oeuvre@1"},
        {F, "ﬁnance", "finance@1"},
        {F, "ﬂux", "flux@1"},
        {F, "Lætitia", "laetitia@1"},
        // no-break spaces and guillemets separate
        {F, "« des capacités »", "des@1* capacites@2"},
        {F, "«confiance»", "confiance@1"},
        {F, "Mistral\u202F: non", "mistral@1 non@2"},
        {F, "Thierry\u00A0Breton", "thierry@1 breton@2"},
        {F, "20\u00A0000 euros", "20@1 000@2 euros@3"},
        // soft hyphen
        {F, "intel\u00ADligence", "intelligence@1"},
        {F, "intel\u00AD\nligence", "intelligence@1 +intel@1 +ligence@1"},
        // hyphenated compounds
        {F, "start-up", "start@1 +startup@1 up@2"},
        {F, "start\u2010up", "start@1 +startup@1 up@2"},
        {F, "start\u2011up", "start@1 +startup@1 up@2"},
        {F, "Paris\u2013Londres", "paris@1 +parislondres@1 londres@2"},
        {F, "la start-up parisienne", "la@1* start@2 +startup@2 up@3 parisienne@4"},
        {F, "vis-à-vis", "vis@1 +visavis@1 a@2* vis@3"},
        {F, "vice-président", "vice@1 +vicepresident@1 president@2"},
        {F, "mais avaient-ils vraiment", "mais@1 avaient@2* +avaientils@2 ils@3* vraiment@4"},
        {F, "européenne \u2013 mais", "europeenne@1 mais@2"},
        {F, "mot--mot", "mot@1 mot@2"},
        {F, "start - up", "start@1 up@2"},
        {F, "COVID-19", "covid@1 +covid19@1 19@2"},
        {E, "a start-up", "a@1* start@2 +startup@2 up@3*"},
        // words hyphenated at a line end
        {F, "intelli-\ngence", "intelligence@1 +intelli@1 +gence@1"},
        {F, "intelli-\r\n  gence", "intelligence@1 +intelli@1 +gence@1"},
        {F, "intelli- \n\tgence artificielle", "intelligence@1 +intelli@1 +gence@1 artificielle@2"},
        {F, "franco-\nallemand", "francoallemand@1 +franco@1 +allemand@1"},
        {F, "l’intelli-\ngence", "intelligence@1 +intelli@1 +gence@1"},
        {F, "vice-pré-\nsident", "vice@1 +vicepresident@1 president@2 +pre@2 +sident@2"},
        {F, "intelli-\n\ngence", "intelli@1 gence@2"},
        {F, "intelli\u2013\ngence", "intelli@1 gence@2"},
        {F, "intelli\n-gence", "intelli@1 gence@2"},
        // stop words keep their tokens and positions
        {F, "le meilleur des mondes", "le@1* meilleur@2 des@3* mondes@4"},
        {F, "Tout semble donc aller pour le mieux",
         "tout@1 semble@2 donc@3* aller@4 pour@5* le@6* mieux@7"},
        {F, "où", "ou@1*"},
        {F, "À Paris", "a@1* paris@2"},
        {F, "cet été", "cet@1* ete@2"},
        {F, "des avions", "des@1* avions@2"},
        {F, "the", "the@1"},
        {E, "The regulators of the EU", "the@1* regulators@2 of@3* the@4* eu@5"},
        {E, "le", "le@1"},
        // numbers
        {F, "2024", "2024@1"},
        {F, "3,5 milliards", "3,5@1 milliards@2"},
        {F, "3.5", "3.5@1"},
        {F, "1.000,50", "1.000,50@1"},
        {F, "le 20 février", "le@1* 20@2 fevrier@3"},
        // punctuation inside a word segment splits it like a hyphen
        {F, "U.S.A.", "u@1 +usa@1 s@2 a@3*"},
        {F, "étudiant·e·s", "etudiant@1 +etudiantes@1 e@2 s@3"},
        {F, "example.com", "example@1 +examplecom@1 com@2"},
        {F, "foo_bar", "foo@1 +foobar@1 bar@2"},
        // sentences of the sample article
        {F, "Les modèles développés par la start-up maîtrisent parfaitement le code",
         "les@1* modeles@2 developpes@3 par@4* la@5* start@6 +startup@6 up@7 maitrisent@8 "
         "parfaitement@9 le@10* code@11"},
        {F, "« une avancée majeure pour rendre l’IA de pointe accessible à tous ».",
         "une@1* avancee@2 majeure@3 pour@4* rendre@5 ia@6 de@7* pointe@8 accessible@9 a@10* "
         "tous@11"},
        {F, "s’était montré sceptique vis-à-vis de la start-up : « Je l’observe »",
         "etait@1* montre@2 sceptique@3 vis@4 +visavis@4 a@5* vis@6 de@7* la@8* start@9 "
         "+startup@9 up@10 je@11* observe@12"},
        // nothing to index
        {F, "", ""},
        {F, "  ,;!? … – « » ", ""},
        {F, std::string(65, 'x'), ""},
        {F, "aaa " + std::string(70, 'x') + " bbb", "aaa@1 bbb@3"},
        // other scripts go through ICU's dictionaries
        {F, "東京都", "東京@1 都@2"},
    };
    for (const TokenRow& row : rows) {
        INFO("text: " << row.text << " (" << revue::language_code(row.lang) << ")");
        CHECK(render(revue::analyzer_for(row.lang).tokens(row.text)) == row.expected);
    }
}

TEST_CASE("tokens: positions start after first_position", "[analyzer]") {
    CHECK(render(fr().tokens("le start-up", 41)) == "le@42* start@43 +startup@43 up@44");
    CHECK(render(fr().tokens("l’un", 7)) == "un@8*");
}

TEST_CASE("tokens: offsets cover the word as written", "[analyzer]") {
    struct Row {
        std::string text;
        std::size_t index;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"l’intelligence", 0, "intelligence"},
        {"de l’Intelligence artificielle", 1, "Intelligence"},
        {"Qu’un", 0, "un"},
        {"jusqu’à demain", 0, "à"},
        {"la start-up", 1, "start"},
        {"la start-up", 2, "start-up"},
        {"la start-up", 3, "up"},
        {"intelli-\ngence", 0, "intelli-\ngence"},
        {"intelli-\ngence", 1, "intelli"},
        {"intelli-\ngence", 2, "gence"},
        {"intel\u00AD\nligence", 1, "intel"},
        {"intel\u00ADligence", 0, "intel\u00ADligence"},
        {"« des capacités »", 1, "capacités"},
        {"Les modèles", 1, "modèles"},
        {"un cœur", 1, "cœur"},
        {"ﬁnance", 0, "ﬁnance"},
        {"U.S.A.", 1, "U.S.A"},
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text << ", token " << row.index);
        const auto tokens = fr().tokens(row.text);
        REQUIRE(tokens.size() > row.index);
        const Token& t = tokens[row.index];
        REQUIRE(t.start <= t.end);
        REQUIRE(t.end <= row.text.size());
        CHECK(row.text.substr(t.start, t.end - t.start) == row.expected);
    }
}

TEST_CASE("tokens: the sample article keeps its invariants", "[analyzer]") {
    const std::string text = sample_article();
    const auto tokens = fr().tokens(text);
    REQUIRE(tokens.size() > 400);
    Xapian::termpos expected_position = 0;
    std::size_t last_start = 0;
    std::size_t startups = 0;
    for (const Token& t : tokens) {
        INFO("token " << t.term << " at " << t.start);
        REQUIRE(t.start < t.end);
        REQUIRE(t.end <= text.size());
        CHECK(t.start >= last_start);
        last_start = t.start;
        if (t.extra) {
            CHECK(t.position == expected_position);
        } else {
            CHECK(t.position == ++expected_position);
        }
        // No word of this article is hyphenated at a line end: each span folds to its term.
        if (!t.extra) CHECK(fr().fold(text.substr(t.start, t.end - t.start)) == t.term);
        if (t.term == "startup") {
            ++startups;
            CHECK(t.extra);
            CHECK(text.substr(t.start, t.end - t.start) == "start-up");
        }
    }
    std::size_t written = 0;
    for (auto at = text.find("start-up"); at != std::string::npos;
         at = text.find("start-up", at + 1))
        ++written;
    CHECK(written == 5);
    CHECK(startups == written);
}

TEST_CASE("fold: the analyzer folds as core/fold.hpp does, in either language", "[analyzer]") {
    // The fold's own cases are tests/unit/core/test_fold.cpp.
    for (const std::string word :
         {"L’Élysée", "ŒUVRE", "ﬁﬂ", "intel\u00ADligence", "lʼa", "ABC-def 42", "Straße", ""}) {
        INFO("word: " << word);
        CHECK(fr().fold(word) == revue::fold(word));
        CHECK(en().fold(word) == revue::fold(word));
    }
    CHECK(fr().fold("L’Élysée") == "l'elysee");
}

TEST_CASE("analyzer: one built apart works as the shared one", "[analyzer]") {
    // Analyzer is no longer movable (its StopList is a Xapian::Stopper); what the old test of
    // a moved analyzer checked is that an analyzer of its own holds all it needs.
    const Analyzer english(Language::english);
    CHECK(english.language() == Language::english);
    CHECK(render(english.tokens("The start-up")) == "the@1* start@2 +startup@2 up@3*");
    CHECK(render(english.tokens("The start-up")) == render(en().tokens("The start-up")));
    const Analyzer french(Language::french);
    CHECK(render(french.tokens("le start-up")) == "le@1* start@2 +startup@2 up@3");
}

TEST_CASE("analyzer: threads tokenising the same text agree", "[analyzer]") {
    const std::string text = sample_article() + "\nintelli-\ngence, l’IA, cœur, ﬁnance";
    const std::string expected = render(fr().tokens(text));
    std::string expected_stems;
    for (const Token& t : fr().tokens(text)) expected_stems += fr().stem(t.term) + ' ';

    constexpr int kRounds = 20;
    std::vector<std::string> results(2);
    std::vector<std::string> stems(2);
    std::vector<int> agreements(2, 0);
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < 2; ++w) {
        workers.emplace_back([&, w] {
            for (int round = 0; round < kRounds; ++round) {
                const auto tokens = fr().tokens(text);
                std::string s;
                for (const Token& t : tokens) s += fr().stem(t.term) + ' ';
                results[w] = render(tokens);
                stems[w] = s;
                if (results[w] == expected && stems[w] == expected_stems) ++agreements[w];
            }
        });
    }
    for (auto& worker : workers) worker.join();
    CHECK(agreements[0] == kRounds);
    CHECK(agreements[1] == kRounds);
    CHECK(results[0] == results[1]);
    CHECK(stems[0] == stems[1]);
}
