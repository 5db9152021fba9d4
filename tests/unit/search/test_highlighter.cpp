// Snippets: the passage a hit shows, its cuts, its marks, and each clipping's language's marks.
#include "revue/search/highlight/highlighter.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "highlight_fixtures.hpp"
#include "revue/core/text.hpp"
#include "revue/search/highlight/match_keys.hpp"

using revue::Analyzer;
using revue::ends_with;
using revue::HighlightTerms;
using revue::Language;
using revue::Snippet;
using revue::starts_with;
using revue::testing::code_points;
using revue::testing::filler;
using revue::testing::french;
using revue::testing::highlighted;
using revue::testing::query_of;
using revue::testing::snippet_of;
using revue::testing::valid_utf8;
using revue::testing::words_only;

TEST_CASE("a token stands for a query word as written, or for a stem of a non-stop word",
          "[snippet]") {
    const auto& analyzer = french();
    HighlightTerms query;
    query.words = {"mistral", "le"};
    query.stems = {analyzer.stem("modeles"), analyzer.stem("la")};
    struct Row {
        const char* term;
        bool matches;
        bool by_stem;
    };
    const Row rows[] = {
        {"mistral", true, false},    // a plain word
        {"modele", true, true},      // another form of the stem
        {"modeles", true, true},     // the stem's own word
        {"le", true, false},         // a stop word listed as a plain word (phrase queries)
        {"la", false, false},        // a stop word is never matched by its stem
        {"mistrals", false, false},  // no stem given for mistral
        {"azure", false, false},    {"", false, false},
    };
    for (const Row& row : rows) {
        INFO(row.term);
        const auto key =
            revue::highlight::key_of(row.term, analyzer.is_stop_word(row.term), query, analyzer);
        REQUIRE(key.has_value() == row.matches);
        if (!key) continue;
        CHECK(key->stem == row.by_stem);
        CHECK(key->text == (row.by_stem ? analyzer.stem("modeles") : std::string(row.term)));
    }
    // Inflections of one stem share a key, so that they count once.
    revue::highlight::KeyIds ids;
    const auto id = [&](const char* term) {
        return ids.id(*revue::highlight::key_of(term, false, query, analyzer));
    };
    CHECK(id("modele") == id("modeles"));
    CHECK(id("mistral") != id("modele"));
    CHECK(ids.distinct() == 2);
}

TEST_CASE("highlights fall on the words as written", "[snippet]") {
    const auto [text, query,
                expected] = GENERATE(table<std::string, HighlightTerms, std::vector<std::string>>({
        {"Le Français est parlé ici.", words_only({"francais"}), {"Français"}},
        {"Vents porteurs pour le français Mistral",
         query_of({"Mistral", "français"}),
         {"français", "Mistral"}},
        {"Le cercle de l’Intelligence artificielle",
         words_only({"intelligence"}),
         {"Intelligence"}},
        {"Le cercle de l'intelligence artificielle", query_of({"intelligence"}), {"intelligence"}},
        {"Les MODÈLES de pointe et un modèle ouvert", query_of({"modèle"}), {"MODÈLES", "modèle"}},
        {"Une Œuvre majeure", words_only({"oeuvre"}), {"Œuvre"}},
        {"la start-up parisienne", words_only({"startup"}), {"start-up"}},
        {"la start-up parisienne", words_only({"start"}), {"start"}},
        {"la start-up parisienne", words_only({"up"}), {"up"}},
        {"la start-up parisienne", words_only({"start", "startup", "up"}), {"start-up"}},
        {"Rien à voir ici", query_of({"Mistral"}), {}},
    }));
    CAPTURE(text);
    const Snippet snippet = snippet_of(text, query, 200);
    CHECK(snippet.text == text);  // short enough to be shown whole
    CHECK(highlighted(snippet) == expected);
}

TEST_CASE("an empty text gives an empty snippet", "[snippet]") {
    const Snippet snippet = snippet_of("", query_of({"mistral"}), 200);
    CHECK(snippet.text.empty());
    CHECK(snippet.matches.empty());
    CHECK(snippet_of(" \n\n \t", query_of({"mistral"}), 200).text.empty());
}

TEST_CASE("white space collapses to single spaces, offsets follow", "[snippet]") {
    const std::string text = "  Premier\n\nparagraphe   sur\tMistral.\r\n\r\nSecond  Mistral\n";
    const Snippet snippet = snippet_of(text, query_of({"mistral"}), 200);
    CHECK(snippet.text == "Premier paragraphe sur Mistral. Second Mistral");
    CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral", "Mistral"});
    CHECK(snippet.matches.front() == std::pair<std::size_t, std::size_t>{23, 30});
}

TEST_CASE("a no-break space is kept, not cut at", "[snippet]") {
    const std::string text = "Il a dit\u00a0: «\u00a0Mistral\u00a0» à 20\u202f%";
    const Snippet snippet = snippet_of(text, query_of({"mistral"}), 200);
    CHECK(snippet.text == text);
    CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral"});
}

TEST_CASE("the ellipsis marks where the passage was cut", "[snippet]") {
    const std::string before = filler(60);
    const std::string after = filler(60);
    const std::string text = before + "Mistral annonce un accord " + after;
    const HighlightTerms query = query_of({"mistral"});

    SECTION("match in the middle: cut at both ends") {
        const Snippet snippet = snippet_of(text, query, 80);
        CHECK(starts_with(snippet.text, "…"));
        CHECK(ends_with(snippet.text, "…"));
        CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral"});
    }
    SECTION("match at the start: cut only at the end") {
        const Snippet snippet = snippet_of("Mistral " + after, query, 80);
        CHECK(starts_with(snippet.text, "Mistral vent"));
        CHECK(ends_with(snippet.text, "…"));
        CHECK(snippet.matches.front() == std::pair<std::size_t, std::size_t>{0, 7});
    }
    SECTION("match at the end: cut only at the start") {
        const Snippet snippet = snippet_of(before + "enfin Mistral", query, 80);
        CHECK(starts_with(snippet.text, "…"));
        CHECK(ends_with(snippet.text, "enfin Mistral"));
        CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral"});
    }
    SECTION("the whole text fits: no marks") {
        const Snippet snippet = snippet_of(text, query, 10000);
        CHECK(snippet.text == text.substr(0, text.size() - 1));  // trailing space dropped
    }
}

TEST_CASE("the window goes where the only match is", "[snippet]") {
    const std::string text = filler(200) + "Azure accueille les modèles de Mistral. " + filler(5);
    const Snippet snippet = snippet_of(text, query_of({"mistral"}), 100);
    CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral"});
    CHECK(starts_with(snippet.text, "…"));
    CHECK(code_points(snippet.text) <= 100 + 2);
    CHECK(code_points(snippet.text) >= 60);  // the room is used, not just the word
}

TEST_CASE("the window prefers a sentence start when it costs nothing", "[snippet]") {
    const std::string text = filler(40) + "Le géant américain signe avec Mistral. " + filler(40);
    const Snippet snippet = snippet_of(text, query_of({"mistral"}), 100);
    CHECK(starts_with(snippet.text, "…Le géant américain signe avec Mistral."));
    CHECK(ends_with(snippet.text, "…"));
}

TEST_CASE("a sentence start is told from the text after it, however far", "[snippet]") {
    // After "etc." a lower-case word continues the sentence (UAX #29, SB8), even past a run of
    // numbers; an upper-case one starts a new sentence. The rules look that far ahead of the
    // match, and no further.
    const std::string numbers = "12 345 678 910 1112 1314 1516 1718 1920 2122 2324 2526 ";
    const std::string same = filler(40) + "On compte Paris, Lyon, etc. " + numbers +
                             "habitants et Mistral. " + filler(40);
    CHECK(starts_with(snippet_of(same, query_of({"mistral"}), 160).text, "…On compte Paris"));
    CHECK(starts_with(snippet_of(same, query_of({"1112"}), 160).text, "…On compte Paris"));
    const std::string next = filler(40) + "On compte Paris, Lyon, etc. " + numbers +
                             "Habitants et Mistral. " + filler(40);
    CHECK(starts_with(snippet_of(next, query_of({"mistral"}), 160).text, "…12 345 678"));
    CHECK(starts_with(snippet_of(next, query_of({"1112"}), 160).text, "…12 345 678"));
}

TEST_CASE("the window holding the most distinct query words wins", "[snippet]") {
    const HighlightTerms query = query_of({"mistral", "azure"});
    SECTION("two distinct words beat three repeats of one") {
        const std::string text = "Mistral, Mistral et encore Mistral. " + filler(80) +
                                 "Mistral arrive sur Azure. " + filler(80);
        const Snippet snippet = snippet_of(text, query, 80);
        CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral", "Azure"});
    }
    SECTION("inflections of one stem count once") {
        const HighlightTerms models = query_of({"modèle", "azure"});
        const std::string text = "Un modèle, des modèles, ce MODÈLE. " + filler(80) +
                                 "Le modèle sur Azure. " + filler(80);
        const Snippet snippet = snippet_of(text, models, 80);
        CHECK(highlighted(snippet) == std::vector<std::string>{"modèle", "Azure"});
    }
    SECTION("on a tie, the earliest") {
        const std::string text =
            filler(40) + "Azure premier. " + filler(40) + "Mistral second. " + filler(40);
        const Snippet snippet = snippet_of(text, query, 60);
        CHECK(highlighted(snippet) == std::vector<std::string>{"Azure"});
    }
}

TEST_CASE("without a match, the opening of the text cut at a word", "[snippet]") {
    const std::string text =
        "Les modèles de pointe de la start-up viennent renforcer Azure " + filler(60);
    const Snippet snippet = snippet_of(text, query_of({"inexistant"}), 50);
    CHECK(snippet.matches.empty());
    REQUIRE(ends_with(snippet.text, "…"));
    const std::string shown = snippet.text.substr(0, snippet.text.size() - std::string("…").size());
    CHECK(starts_with(text, shown));
    CHECK(text[shown.size()] == ' ');  // the cut falls between words
    CHECK(code_points(shown) <= 50);
    CHECK(code_points(shown) >= 35);
}

TEST_CASE("snippets never cut inside a UTF-8 character", "[snippet]") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "été œuvré ÉLÈVE 𝄞𝄞 çà ü€ ";
    text += "Mistral ";
    for (int i = 0; i < 30; ++i) text += "ñœ 𝄞 ÀÉÎ ";
    const std::size_t max_chars = GENERATE(range<std::size_t>(1, 40));
    const HighlightTerms query =
        GENERATE(query_of({"mistral"}), query_of({"inexistant"}), words_only({"eleve"}));
    CAPTURE(max_chars);
    const Snippet snippet = snippet_of(text, query, max_chars);
    CHECK(valid_utf8(snippet.text));
    CHECK_FALSE(snippet.text.empty());
    highlighted(snippet);
}

TEST_CASE("a passage neither opens nor closes on bare punctuation", "[snippet]") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "celui » , de – ";
    text += "ChatGPT";
    for (int i = 0; i < 40; ++i) text += " ; celui » , de –";
    const std::size_t max_chars = GENERATE(range<std::size_t>(12, 60));
    CAPTURE(max_chars);
    const Snippet snippet = snippet_of(text, query_of({"chatgpt"}), max_chars);
    const std::string ellipsis = "…";
    REQUIRE(starts_with(snippet.text, ellipsis));
    REQUIRE(ends_with(snippet.text, ellipsis));
    const std::string inner =
        snippet.text.substr(ellipsis.size(), snippet.text.size() - 2 * ellipsis.size());
    CHECK(
        (starts_with(inner, "celui") || starts_with(inner, "de") || starts_with(inner, "ChatGPT")));
    CHECK((ends_with(inner, "celui") || ends_with(inner, "de") || ends_with(inner, "ChatGPT")));
    CHECK(highlighted(snippet) == std::vector<std::string>{"ChatGPT"});
}

TEST_CASE("a word longer than the window is shown whole", "[snippet]") {
    const std::string word = "anticonstitutionnellement";
    const std::string text = filler(30) + word + " " + filler(30);
    const Snippet snippet = snippet_of(text, words_only({word}), 10);
    CHECK(snippet.text == "…" + word + "…");
    CHECK(highlighted(snippet) == std::vector<std::string>{word});
}

TEST_CASE("bytes that are not UTF-8 come out as U+FFFD", "[snippet]") {
    const std::string text = "Mistral caf\xe9 \xff\xfe ok";
    const Snippet snippet = snippet_of(text, query_of({"mistral"}), 200);
    CHECK(valid_utf8(snippet.text));
    CHECK(snippet.text.find("\uFFFD") != std::string::npos);
    CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral"});
}

TEST_CASE("snippets of a corpus article highlight every shown query word", "[snippet]") {
    const std::string text =
        "Annoncé à la fin du mois de février, ce deal semble faire non seulement la fierté des "
        "dirigeants du géant informatique mais aussi du petit cercle tricolore de "
        "l’intelligence artificielle générative. Fondée il y a un an seulement par trois "
        "jeunes ingénieurs français venus de Google et de Meta, la start-up parisienne, tant "
        "louée par Emmanuel Macron, évolue déjà parmi les grands du secteur.";
    const Snippet snippet =
        snippet_of(text, query_of({"intelligence", "startup", "ingénieur"}), 150);
    CHECK(highlighted(snippet) ==
          std::vector<std::string>{"intelligence", "ingénieurs", "start-up"});
    CHECK(code_points(snippet.text) <= 152);
}

TEST_CASE("a clipping's snippet reads its deck, body and caption with its language's marks",
          "[snippet]") {
    revue::Clipping c;
    c.lang = "fr";
    c.title = "Mistral dans le titre";
    c.deck = "Le chapeau.";
    c.body = "Les régulateurs et Mistral.";
    c.caption = "Une légende.";
    std::map<Language, HighlightTerms> marks;
    marks[Language::french] = query_of({"régulateurs"});
    marks[Language::english] = words_only({"mistral"});
    const revue::Highlighter highlighter(marks, 200);
    const Snippet fr = highlighter.snippet(c);
    CHECK(fr.text == "Le chapeau. Les régulateurs et Mistral. Une légende.");  // no title
    CHECK(highlighted(fr) == std::vector<std::string>{"régulateurs"});
    c.lang = "en";
    CHECK(highlighted(highlighter.snippet(c)) == std::vector<std::string>{"Mistral"});
    // A language the query has no marks for: the opening, nothing marked.
    const revue::Highlighter french_only({{Language::french, query_of({"mistral"})}}, 200);
    const Snippet none = french_only.snippet(c);
    CHECK(none.matches.empty());
    CHECK(none.text == fr.text);
    // The length asked for is kept.
    c.body = filler(100) + "Mistral " + filler(100);
    CHECK(code_points(revue::Highlighter(marks, 60).snippet(c).text) <= 62);
}
