// Checks analysis/language.hpp: ISO codes to languages and back.
#include "revue/analysis/language.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "revue/analysis/analyzer.hpp"

using revue::Language;

TEST_CASE("language codes", "[language]") {
    const std::vector<std::pair<std::string, Language>> rows = {
        {"fr", Language::french},     {"en", Language::english},    {"EN", Language::english},
        {"en-GB", Language::english}, {"en_US", Language::english}, {"fr-CA", Language::french},
        {"de", Language::french},     {"", Language::french},       {"eng", Language::french},
    };
    for (const auto& [code, lang] : rows) {
        INFO("code: " << code);
        CHECK(revue::language_from_code(code) == lang);
    }
    CHECK(revue::language_code(Language::french) == "fr");
    CHECK(revue::language_code(Language::english) == "en");
    CHECK(revue::language_from_code(revue::language_code(Language::english)) == Language::english);
    CHECK(revue::analyzer_for(Language::french).language() == Language::french);
    CHECK(revue::analyzer_for(Language::english).language() == Language::english);
}

TEST_CASE("every language of kLanguages goes to its code and back", "[language]") {
    REQUIRE(revue::kLanguages.size() == 2);
    for (const auto& [code, lang] : revue::kLanguages) {
        INFO("code: " << code);
        CHECK(revue::language_code(lang) == code);
        CHECK(revue::language_from_code(code) == lang);
    }
}
