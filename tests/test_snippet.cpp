#include "revue/snippet.hpp"

#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using revue::Analyzer;
using revue::Language;
using revue::MatchTerms;
using revue::Snippet;

namespace {

const Analyzer& french() {
    return revue::analyzer_for(Language::french);
}

// The query front end's view of some words: each folded as a term and stemmed.
MatchTerms query_of(std::initializer_list<std::string_view> words) {
    MatchTerms query;
    for (const std::string_view word : words) {
        const std::string term = french().fold(word);
        query.terms.insert(term);
        query.stems.insert(french().stem(term));
    }
    return query;
}

MatchTerms terms_only(std::initializer_list<std::string> terms) {
    MatchTerms query;
    query.terms = terms;
    return query;
}

bool valid_utf8(const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
    return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ||
           U_SUCCESS(status);
}

int32_t code_points(const std::string& s) {
    return icu::UnicodeString::fromUTF8(s).countChar32();
}

// The highlighted words as the snippet shows them; fails the test on a malformed range.
std::vector<std::string> highlighted(const Snippet& snippet) {
    std::vector<std::string> words;
    std::size_t previous_end = 0;
    for (const auto& [start, end] : snippet.matches) {
        REQUIRE(start < end);
        REQUIRE(end <= snippet.text.size());
        REQUIRE(start >= previous_end);  // sorted, no overlap
        previous_end = end;
        words.push_back(snippet.text.substr(start, end - start));
        REQUIRE(valid_utf8(words.back()));  // ranges fall on character boundaries
    }
    return words;
}

// Filler without any query word: n words of "lorem"-like text, sentences of 8 words.
std::string filler(int words) {
    static const char* const kWords[] = {"vent",  "porteur", "nuage",  "cercle",
                                         "géant", "accord",  "pointe", "secteur"};
    std::string out;
    for (int i = 0; i < words; ++i) {
        out += kWords[i % 8];
        out += (i % 8 == 7) ? ". " : " ";
    }
    return out;
}

// The snippet both ways: from the scan, and from analysing the whole text. They must agree
// to the byte.
Snippet snippet_of(std::string_view text, const MatchTerms& query, std::size_t max_chars,
                   const Analyzer& analyzer = french()) {
    const Snippet whole = revue::make_snippet_analysed(text, analyzer, query, max_chars);
    const Snippet scanned = revue::make_snippet(text, analyzer, query, max_chars);
    CHECK(scanned.text == whole.text);
    CHECK(scanned.matches == whole.matches);
    return scanned;
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}
bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("MatchTerms matches plain terms, and stems of non-stop words", "[snippet]") {
    const auto& analyzer = french();
    MatchTerms query;
    query.terms = {"mistral", "le"};
    query.stems = {analyzer.stem("modeles"), analyzer.stem("la")};

    const auto token = [&](std::string term) {
        revue::Token t;
        t.term = std::move(term);
        t.stop = analyzer.is_stop_word(t.term);
        return t;
    };
    const auto [term, expected] = GENERATE(table<std::string, bool>({
        {"mistral", true},    // a plain term
        {"modele", true},     // another form of the stem
        {"modeles", true},    // the stem's own word
        {"le", true},         // a stop word listed as a plain term (phrase queries)
        {"la", false},        // a stop word is never matched by its stem
        {"mistrals", false},  // no stem given for mistral
        {"azure", false},
    }));
    CAPTURE(term);
    CHECK(query.matches(token(term), analyzer) == expected);
}

TEST_CASE("highlights fall on the words as written", "[snippet]") {
    const auto [text, query,
                expected] = GENERATE(table<std::string, MatchTerms, std::vector<std::string>>({
        {"Le Français est parlé ici.", terms_only({"francais"}), {"Français"}},
        {"Vents porteurs pour le français Mistral",
         query_of({"Mistral", "français"}),
         {"français", "Mistral"}},
        {"Le cercle de l’Intelligence artificielle",
         terms_only({"intelligence"}),
         {"Intelligence"}},
        {"Le cercle de l'intelligence artificielle", query_of({"intelligence"}), {"intelligence"}},
        {"Les MODÈLES de pointe et un modèle ouvert", query_of({"modèle"}), {"MODÈLES", "modèle"}},
        {"Une Œuvre majeure", terms_only({"oeuvre"}), {"Œuvre"}},
        {"la start-up parisienne", terms_only({"startup"}), {"start-up"}},
        {"la start-up parisienne", terms_only({"start"}), {"start"}},
        {"la start-up parisienne", terms_only({"up"}), {"up"}},
        {"la start-up parisienne", terms_only({"start", "startup", "up"}), {"start-up"}},
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
    const MatchTerms query = query_of({"mistral"});

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
    const MatchTerms query = query_of({"mistral", "azure"});
    SECTION("two distinct words beat three repeats of one") {
        const std::string text = "Mistral, Mistral et encore Mistral. " + filler(80) +
                                 "Mistral arrive sur Azure. " + filler(80);
        const Snippet snippet = snippet_of(text, query, 80);
        CHECK(highlighted(snippet) == std::vector<std::string>{"Mistral", "Azure"});
    }
    SECTION("inflections of one stem count once") {
        const MatchTerms models = query_of({"modèle", "azure"});
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
    const MatchTerms query =
        GENERATE(query_of({"mistral"}), query_of({"inexistant"}), terms_only({"eleve"}));
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
    const Snippet snippet = snippet_of(text, terms_only({word}), 10);
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

TEST_CASE("a word and its stem start with the same letter", "[snippet]") {
    // The scan only stems the indexed words that start like a stem of the query.
    std::vector<std::string> texts = {
        "dying lying tying skies skis 'tis yelling ugly early news idly gently only singly "
        "happy cries ties agreed hoping hopping luxuriating generously communism arsenal "
        "relational conditional rational valency hesitancy digitizer conformabli radically "
        "yeux ayant payer aimer eaux chevaux yaourt île Île ïambe œuvre aujourd'hui "
        "qu'il jusqu'à maîtrisent président intelligence développées françaises premières "
        "ennuyeuse heureusement yoga ypérite ayez essuyer appuyer"};
    for (const auto& dir :
         {std::filesystem::path(REVUE_CORPUS), std::filesystem::path(REVUE_FIXTURES) / "french",
          std::filesystem::path(REVUE_FIXTURES) / "query"}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            texts.push_back(buffer.str());
        }
    }
    const auto first = [](const std::string& s) {
        std::size_t i = 0;
        while (i < s.size() && s[i] == '\'') ++i;
        std::size_t end = i + 1;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
        return s.substr(i, end - i);
    };
    std::size_t words = 0;
    for (const Language lang : {Language::french, Language::english}) {
        const Analyzer& analyzer = revue::analyzer_for(lang);
        for (const auto& text : texts) {
            for (const auto& token : analyzer.tokens(text)) {
                const std::string stem = analyzer.stem(token.term);
                if (stem.empty()) continue;
                INFO(token.term << " -> " << stem);
                CHECK(first(stem) == first(token.term));
                ++words;
            }
        }
    }
    CHECK(words > 4000);
}

TEST_CASE("the scan finds what analysing the whole text finds", "[snippet]") {
    // Random texts made of the pieces that make tokenising hard: elisions, compounds, words
    // hyphenated at a line end, soft hyphens, numbers, ligatures, combining accents, other
    // scripts, bytes that are not UTF-8. Queries take words of the text, as terms, stems or
    // both.
    // clang-format off
    static const char* const kPieces[] = {
        "l’Intelligence", "L'IA", "lʼopinion", "qu’il", "aujourd'hui", "Aujourd’hui",
        "jusqu’à", "start-up", "Start‑up", "e-mail", "intelli-\ngence", "intelli-\n  gence",
        "dévelop\u00ADpement", "dévelop\u00AD\npement", "3,5", "1.000,50", "20\u202f%",
        "«\u00a0Mistral\u00a0»", "U.S.A", "étudiant·e·s", "foo_bar", "cœur", "Œuvre",
        "\uFB01chier", "MODÈLES", "modèle", "modèles", "e\u0301te\u0301", "x\u200By", "m²",
        "\u24B6bc", "ΑΘΗΝΑ", "Москва", "naïve", "résumé,", "(Mistral)", "\"Azure\"",
        "Azure.", "Azure!", "—", "–", "-", "…", ".", ",", "\n\n", "\t", "de", "la", "le",
        "les", "des", "un", "une", "et", "est", "accord", "mémoire", "mémoires", "Mémorial",
        "données", "donner", "développés", "développement", "maîtrisent", "maîtriser",
        "parlent", "président", "présider", "intelligent", "intelligence", "français",
        "française", "premier", "première", "Azure", "Mistral", "ChatGPT", "2024", "x", "a",
        "à", "où", "ʼ", "'", "’", "l’", "d'", "™", "½", "Ⅻ", "\uFB03", "\u00AD", "Ǆ", "ß",
        "İstanbul", "ＡＢＣ", " \u0301abc", "quantité", "vive", "Mistral’s", "regulators",
        "dying", "cries", "happy", "intel\u00ADligence", "Me\u0301moire", "ＡＢＣ１２",
        "anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement",
        "anticonstitutionnellement-anticonstitutionnellement-anticonstitutionnellement",
        "\u00a0", "\u202f", "rock‘n’roll", "‘quoted’", "O’Neil", "C'est", "x\u2060y",
        "(de", "\"la", "de)", "la,", "-de", "d-"};
    static const char* const kGlue[] = {
        " ", " ", " ", " ", "", "\n", "-", "-\n", "'", "’", ".", ",", "  ", " \u00AD",
        "\u00a0", "\u2010\n", "\r\n", "-\n\n", "\u00AD\n"};
    // clang-format on
    std::mt19937 random(20240229);
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    for (int round = 0; round < 400; ++round) {
        const Analyzer& analyzer =
            revue::analyzer_for(round % 5 == 4 ? Language::english : Language::french);
        std::string text;
        const std::size_t pieces = 5 + pick(150);
        for (std::size_t i = 0; i < pieces; ++i) {
            text += kPieces[pick(std::size(kPieces))];
            text += kGlue[pick(std::size(kGlue))];
        }
        if (round % 37 == 0) text += "caf\xe9 ";  // not UTF-8
        if (round % 41 == 0) text += "한국어 ";   // folds with its neighbours
        const auto tokens = analyzer.tokens(text);
        MatchTerms query;
        const std::size_t words = tokens.empty() ? 0 : 1 + pick(3);
        for (std::size_t w = 0; w < words; ++w) {
            const auto& token = tokens[pick(tokens.size())];
            const std::size_t how = pick(3);
            if (how != 1) query.terms.insert(token.term);
            if (how != 0 && !token.stop) query.stems.insert(analyzer.stem(token.term));
        }
        query.terms.insert("absentword");
        if (round % 3 == 0) query.stems.insert("Smistral");
        const std::size_t width = 1 + pick(round % 2 == 0 ? 60 : 300);
        INFO("round " << round << ", width " << width << ", text: " << text);
        snippet_of(text, query, width, analyzer);
    }
}
