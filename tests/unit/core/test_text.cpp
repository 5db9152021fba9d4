// Checks core/text.hpp: trimming, lines, joining, ASCII case, digits, code points, blankness.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "revue/core/text.hpp"

using Lines = std::vector<std::string_view>;

TEST_CASE("trim removes ASCII white space at both ends only", "[text]") {
    const auto [text, trimmed] = GENERATE(table<std::string, std::string>({
        {"  a b \t\r\n", "a b"},
        {"\f\va\v\f", "a"},
        {"a", "a"},
        {"", ""},
        {" \t\r\n\f\v ", ""},
        {"a  b", "a  b"},                    // inner space stays
        {"\u00A0a\u00A0", "\u00A0a\u00A0"},  // a no-break space is not ASCII
    }));
    CAPTURE(text);
    CHECK(revue::trim(text) == trimmed);
}

TEST_CASE("starts_with and ends_with", "[text]") {
    CHECK(revue::starts_with("Par Jeanne", "Par "));
    CHECK(revue::starts_with("abc", ""));
    CHECK_FALSE(revue::starts_with("Pa", "Par"));
    CHECK_FALSE(revue::starts_with("par", "Par"));
    CHECK(revue::ends_with("note.md", ".md"));
    CHECK(revue::ends_with("abc", ""));
    CHECK_FALSE(revue::ends_with("md", ".md"));
    CHECK_FALSE(revue::ends_with("note.mdx", ".md"));
}

TEST_CASE("split_lines cuts at LF, a final LF ends with an empty line", "[text]") {
    const auto [text, lines] = GENERATE(table<std::string, Lines>({
        {"", Lines{""}},
        {"a", Lines{"a"}},
        {"a\nb", Lines{"a", "b"}},
        {"a\n", Lines{"a", ""}},
        {"\n", Lines{"", ""}},
        {"a\n\nb", Lines{"a", "", "b"}},
        {"a\r\nb", Lines{"a\r", "b"}},  // only LF ends a line
    }));
    CAPTURE(text);
    CHECK(revue::split_lines(text) == lines);
}

TEST_CASE("join puts the separator between parts only", "[text]") {
    CHECK(revue::join(std::vector<std::string>{"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(revue::join(std::vector<std::string>{"seul"}, ", ") == "seul");
    CHECK(revue::join(std::vector<std::string>{}, ", ").empty());
    CHECK(revue::join(std::vector<std::string>{"", ""}, "-") == "-");
    const std::array<std::string_view, 3> views = {"x", "y", "z"};
    CHECK(revue::join(views, "") == "xyz");
}

TEST_CASE("ascii_lower lowers ASCII letters and leaves every other byte", "[text]") {
    const auto [text, lowered] = GENERATE(table<std::string, std::string>({
        {"HTML", "html"},
        {"Content-Type: UTF-8", "content-type: utf-8"},
        {"ÉCOLE", "École"},  // É is not ASCII
        {"@[`{", "@[`{"},    // the neighbours of A-Z and a-z
        {"", ""},
    }));
    CHECK(revue::ascii_lower(std::string_view(text)) == lowered);
    CHECK(revue::ascii_lower('A') == 'a');
    CHECK(revue::ascii_lower('Z') == 'z');
    CHECK(revue::ascii_lower('a') == 'a');
    CHECK(revue::ascii_lower('@') == '@');
    CHECK(revue::ascii_lower('[') == '[');
}

TEST_CASE("is_ascii and is_digits", "[text]") {
    CHECK(revue::is_ascii("plain text\t~"));
    CHECK(revue::is_ascii(""));
    CHECK_FALSE(revue::is_ascii("café"));
    CHECK_FALSE(revue::is_ascii("\x80"));
    const auto [text, digits] = GENERATE(table<std::string, bool>({
        {"0123456789", true},
        {"7", true},
        {"", false},
        {"12a", false},
        {"-1", false},
        {" 1", false},
        {"1.5", false},
        {"\u0663", false},  // an Arabic-Indic digit is not ASCII
    }));
    CAPTURE(text);
    CHECK(revue::is_digits(text) == digits);
}

TEST_CASE("code_points counts characters, an ill-formed byte as one", "[text]") {
    const auto [text, count] = GENERATE(table<std::string, std::size_t>({
        {"", 0},
        {"abc", 3},
        {"été", 3},
        {"€", 1},
        {"\U0001F600", 1},
        {"\xff", 1},
        {"a\xff"
         "b",
         3},
        {"\x80\x80", 2},      // lone continuation bytes
        {"\xC0\xAF", 2},      // an overlong "/"
        {"\xED\xA0\x80", 3},  // a surrogate
    }));
    CAPTURE(text);
    CHECK(revue::code_points(text) == count);
}

TEST_CASE("is_blank: only Unicode white space, no-break spaces included", "[text]") {
    const auto [text, blank] = GENERATE(table<std::string, bool>({
        {"", true},
        {" \t\r\n\f\v", true},
        {"\u00A0", true},  // no-break space
        {"\u202F", true},  // narrow no-break space
        {"\u2007", true},  // figure space
        {"\u3000 ", true},
        {"\u2028", true},
        {"\u200B", false},  // zero width space is not White_Space
        {"a", false},
        {" a ", false},
        {"\u00A0.", false},
        {"\xff", false},  // an ill-formed byte is not a space
    }));
    CAPTURE(text);
    CHECK(revue::is_blank(text) == blank);
}
