// Checks analysis/stopwords.hpp: the function words of each language, folded, and their lookup.
#include "revue/analysis/stopwords.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "revue/analysis/analyzer.hpp"

using revue::Analyzer;
using revue::Language;

TEST_CASE("stop words: function words, folded, per language", "[stopwords]") {
    struct Row {
        Language lang;
        std::string word;  // as folded
        bool stop;
    };
    const auto F = Language::french;
    const auto E = Language::english;
    const std::vector<Row> rows = {
        {F, "le", true},         {F, "des", true},           {F, "a", true},
        {F, "ou", true},         {F, "etaient", true},       {F, "eumes", true},
        {F, "qui", true},        {F, "avec", true},          {F, "ete", false},
        {F, "avions", false},    {F, "mais", false},         {F, "son", false},
        {F, "the", false},       {F, "intelligence", false}, {F, "à", false},
        {E, "the", true},        {E, "don't", true},         {E, "of", true},
        {E, "themselves", true}, {E, "can", false},          {E, "us", false},
        {E, "le", false},        {E, "model", false},
    };
    for (const Row& row : rows) {
        const Analyzer& a = revue::analyzer_for(row.lang);
        INFO(revue::language_code(row.lang) << ": " << row.word);
        CHECK(a.is_stop_word(row.word) == row.stop);
        CHECK(a.stopper()(row.word) == row.stop);
    }
    for (const Language lang : {Language::french, Language::english}) {
        const Analyzer& a = revue::analyzer_for(lang);
        for (const std::string_view word : revue::stop_word_list(lang)) {
            // Listed folded: the analyzer takes each as it is.
            INFO(word);
            CHECK(a.fold(word) == word);
            CHECK(a.is_stop_word(std::string(word)));
            CHECK(a.stopper()(std::string(word)));
        }
        // A stop word as typed in running text is a stop token.
        const std::string typed = lang == Language::french ? "où" : "don’t";
        const auto tokens = a.tokens(typed);
        REQUIRE(tokens.size() == 1);
        CHECK(tokens[0].stop);
    }
}

TEST_CASE("StopList looks words up as listed, folded, each language apart", "[stopwords]") {
    const revue::StopList french(Language::french);
    const revue::StopList english(Language::english);
    CHECK(french("le"));
    CHECK(french("ou"));
    CHECK_FALSE(french("Le"));  // only folded words are asked
    CHECK_FALSE(french("où"));
    CHECK_FALSE(french(""));
    CHECK_FALSE(french("lee"));
    CHECK_FALSE(french("the"));
    CHECK(english("the"));
    CHECK_FALSE(english("le"));
    CHECK(french.get_description() == "revue::StopList");
    CHECK(revue::stop_word_list(Language::french).size() > 100);
    CHECK(revue::stop_word_list(Language::english).size() > 100);
}
