// Checks readers/layout.hpp: which lines are bylines, and the name each gives.
#include <catch2/catch.hpp>

#include <string>

#include "revue/readers/layout.hpp"

using revue::byline_name;
using revue::BylineForms;

namespace {

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

TEST_CASE("byline_name reads dashes in both forms, words only when asked", "[layout]") {
    const auto [line, dashes, words] = GENERATE(table<std::string, std::string, std::string>({
        // line                     dashes only     dashes and words
        {"- G. F.", "G. F.", "G. F."},
        {"– Jane Doe", "Jane Doe", "Jane Doe"},
        {"— X", "X", "X"},
        {"- G. F.   ", "G. F.", "G. F."},
        {"-G. F.", "", ""},  // the dash needs its space
        {"- ", "", ""},      // no name after the dash
        {"—   ", "", ""},
        {"Par Jeanne Martin", "", "Jeanne Martin"},
        {"par Jeanne Martin", "", "Jeanne Martin"},
        {"PAR JEANNE MARTIN", "", "JEANNE MARTIN"},
        {"By Jane Doe", "", "Jane Doe"},
        {"by Jane Doe", "", "Jane Doe"},
        {"BY JANE DOE", "", "JANE DOE"},
        {"Par  Élise Roux ", "", "Élise Roux"},    // a capital that is not ASCII
        {"Par ailleurs, rien ne bouge.", "", ""},  // not followed by a capital
        {"By the way", "", ""},
        {"Par 20 voix contre 3", "", ""},
        {"Par ", "", ""},
        {"Parfois Jeanne", "", ""},
        {"Byline Jane", "", ""},
        {"Jeanne Martin", "", ""},
        {"", "", ""},
    }));
    CAPTURE(line);
    CHECK(byline_name(line, BylineForms::dashes) == dashes);
    CHECK(byline_name(line, BylineForms::dashes_and_words) == words);
}

TEST_CASE("a line over kMaxBylineChars characters is no byline", "[layout]") {
    REQUIRE(revue::kMaxBylineChars == 80);
    const std::string longest = "- " + std::string(78, 'x');  // 80 characters
    CHECK(byline_name(longest, BylineForms::dashes) == std::string(78, 'x'));
    CHECK(byline_name(longest + "x", BylineForms::dashes).empty());
    CHECK(byline_name("Par J" + std::string(75, 'x'), BylineForms::dashes_and_words).size() == 76);
    CHECK(byline_name("Par J" + std::string(76, 'x'), BylineForms::dashes_and_words).empty());
    // Characters, not bytes: 62 characters written in 122 bytes are short enough.
    const std::string accents = repeated("é", 60);
    CHECK(byline_name("- " + accents, BylineForms::dashes) == accents);
    CHECK(byline_name("- " + repeated("é", 79), BylineForms::dashes).empty());
}
