// Checks readers/language_detector.hpp: CLD2 on paragraphs, declared tags to ISO 639-1 codes.
#include <catch2/catch.hpp>

#include <string>

#include "revue/readers/language_detector.hpp"

using revue::detect_language;
using revue::normalize_language;

TEST_CASE("detect_language tells French from English paragraphs", "[language_detector]") {
    const std::string french =
        "Les vignerons du Jura allument des bougies entre les rangs pour protéger les bourgeons "
        "du gel. La nuit dernière, le thermomètre est descendu à moins quatre degrés et les "
        "pertes restent à évaluer, selon la chambre d'agriculture.";
    const std::string english =
        "National regulators across the member states must now police how companies build and "
        "deploy systems used in hiring, lending and education, often with a handful of "
        "specialists and budgets that have barely moved.";
    CHECK(detect_language(french) == "fr");
    CHECK(detect_language(english) == "en");
}

TEST_CASE("detect_language gives nothing for text too short to trust", "[language_detector]") {
    // CLD2 calls this one English, reliably: why a minimum length is needed.
    CHECK(detect_language("Stockage cloud et intelligence artificielle").empty());
    CHECK(detect_language("Bonjour").empty());
    CHECK(detect_language("").empty());
}

TEST_CASE("normalize_language maps declared tags and names to ISO 639-1", "[language_detector]") {
    const auto [tag, expected] = GENERATE(table<std::string, std::string>({
        {"fr", "fr"},
        {"FR", "fr"},
        {"fr-FR", "fr"},
        {"fr_CA", "fr"},
        {"en-GB", "en"},
        {"fra", "fr"},
        {"French", "fr"},
        {"english", "en"},
        {"German", "de"},
        {"", ""},
        {"klingonese", ""},
    }));
    CAPTURE(tag);
    CHECK(normalize_language(tag) == expected);
}
