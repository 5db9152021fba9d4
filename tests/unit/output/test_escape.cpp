// Checks output/escape.hpp: fields made safe for one line, reversibly, and match ranges cleaned.
#include "revue/output/escape.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

using revue::escape_field;
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

TEST_CASE("escape_field escapes what would break or drive a terminal line", "[escape]") {
    const auto [field, escaped] = GENERATE(table<std::string, std::string>({
        {"plain text", "plain text"},
        {"café · « guillemets »\u00A0€", "café · « guillemets »\u00A0€"},  // UTF-8 stays
        {"a\\b", "a\\\\b"},
        {"a\tb\nc\rd", "a\\tb\\nc\\rd"},
        {"\x1b[31mred", "\\x1B[31mred"},  // ESC
        {"\x01\x1f\x7f", "\\x01\\x1F\\x7F"},
        {std::string(1, '\0'), "\\x00"},
        {"\u0085", "\\u0085"},  // NEL, a C1 control
        {"\u009B", "\\u009B"},
        {"A\u2028B\u2029C", "A\\u2028B\\u2029C"},
        {"caf\xe9", "caf\\xE9"},  // bytes that are not UTF-8
        {"\xC0\xAF", "\\xC0\\xAF"},
        {"\xE2\x82", "\\xE2\\x82"},  // "€" cut short: each byte shown
        {"", ""},
    }));
    CAPTURE(field);
    CHECK(escape_field(field) == escaped);
}

TEST_CASE("escaping is reversible: an escape never equals an escaped field", "[escape]") {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"\t", "\\t"}, {"\n", "\\n"}, {"\x1b", "\\x1B"}, {"\xe9", "\\xE9"}, {"\u2028", "\\u2028"}};
    for (const auto& [raw, lookalike] : pairs) {
        INFO(lookalike);
        CHECK(escape_field(raw) != escape_field(lookalike));
        CHECK(escape_field(lookalike) == "\\" + lookalike);
    }
}

TEST_CASE("append_escaped appends to what is there", "[escape]") {
    std::string out = "title: ";
    revue::append_escaped(out, "a\tb");
    CHECK(out == "title: a\\tb");
    revue::append_escaped(out, "");
    CHECK(out == "title: a\\tb");
}

TEST_CASE("clean_matches sorts, clips and merges the ranges of a snippet", "[escape]") {
    const auto [matches, cleaned] = GENERATE(table<Ranges, Ranges>({
        {Ranges{}, Ranges{}},
        {Ranges{{0, 7}}, Ranges{{0, 7}}},
        {Ranges{{8, 15}, {0, 7}}, Ranges{{0, 7}, {8, 15}}},  // sorted
        {Ranges{{5, 3}, {4, 4}}, Ranges{}},                  // empty or backwards
        {Ranges{{16, 400}}, Ranges{{16, 20}}},               // clipped to the text
        {Ranges{{30, 40}}, Ranges{}},                        // past the end
        {Ranges{{0, 5}, {3, 9}}, Ranges{{0, 9}}},            // overlapping
        {Ranges{{0, 3}, {3, 5}}, Ranges{{0, 5}}},            // touching
        {Ranges{{2, 10}, {4, 6}}, Ranges{{2, 10}}},          // one inside another
    }));
    revue::Snippet snippet;
    snippet.text = "Nothing matched here";  // 20 bytes
    snippet.matches = matches;
    CHECK(revue::clean_matches(snippet) == cleaned);
}
