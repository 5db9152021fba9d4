// The highlighter's scan finds what analysing the whole text finds, on every hard kind of text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "highlight_fixtures.hpp"

using revue::Analyzer;
using revue::HighlightTerms;
using revue::Language;
using revue::testing::snippet_of;

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
            texts.push_back(revue::testing::read_bytes(entry.path()));
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
        HighlightTerms query;
        const std::size_t words = tokens.empty() ? 0 : 1 + pick(3);
        for (std::size_t w = 0; w < words; ++w) {
            const auto& token = tokens[pick(tokens.size())];
            const std::size_t how = pick(3);
            if (how != 1) query.words.insert(token.term);
            if (how != 0 && !token.stop) query.stems.insert(analyzer.stem(token.term));
        }
        query.words.insert("absentword");
        if (round % 3 == 0) query.stems.insert("Smistral");
        const std::size_t width = 1 + pick(round % 2 == 0 ? 60 : 300);
        INFO("round " << round << ", width " << width << ", text: " << text);
        snippet_of(text, query, width, analyzer);
    }
}
