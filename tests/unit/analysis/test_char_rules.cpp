// Checks analysis/char_rules.hpp: word characters, hyphens, code points and apostrophes.
#include "revue/analysis/char_rules.hpp"

#include <unicode/utf8.h>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>

#include "revue/analysis/word_pieces.hpp"

using revue::CodePoint;

namespace {

std::string utf8(UChar32 c) {
    char bytes[U8_MAX_LENGTH];
    std::size_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    return std::string(bytes, length);
}

}  // namespace

TEST_CASE("char rules: what stays in a word, what joins, what breaks at a line end",
          "[char_rules]") {
    struct Row {
        UChar32 c;
        bool word;
        bool joining;
        bool line_end;
    };
    const auto row = GENERATE(values<Row>({
        {'a', true, false, false},     {'Z', true, false, false},
        {0x00E9, true, false, false},                                 // é
        {'7', true, false, false},     {0x00B2, true, false, false},  // ² is a number
        {0x6771, true, false, false},                                 // 東
        {0x0301, true, false, false},                                 // a combining accent
        {0x00AD, true, false, false},  // the soft hyphen: a format character
        {0x200D, true, false, false},  // zero width joiner
        {'\'', true, false, false},    {0x2019, true, false, false},  // ’
        {0x02BC, true, false, false},                                 // ʼ
        {'-', false, true, true},      {0x2010, false, true, true},   // hyphen
        {0x2011, false, true, true},                                  // non-breaking hyphen
        {0x2013, false, true, false},   // en dash: joins, but at a line end it is a dash
        {0x2014, false, false, false},  // em dash
        {0x2212, false, false, false},  // minus sign
        {'.', false, false, false},    {'_', false, false, false},
        {0x00B7, false, false, false},  // middle dot
        {' ', false, false, false},    {0x00A0, false, false, false},
        {0x00AB, false, false, false},  // «
        {0x20AC, false, false, false},  // €
        {-1, false, false, false},      // an ill-formed byte
    }));
    CAPTURE(row.c);
    CHECK(revue::is_word_char(row.c) == row.word);
    CHECK(revue::is_joining_hyphen(row.c) == row.joining);
    CHECK(revue::is_line_end_hyphen(row.c) == row.line_end);
    CHECK(revue::kSoftHyphen == 0x00AD);
}

TEST_CASE("char rules and word pieces agree: a word character never splits a word",
          "[char_rules]") {
    for (const UChar32 c : std::initializer_list<UChar32>{
             'a',    '7',    0x00E9, 0x0301, 0x00AD, 0x2019, 0x02BC, '\'',   '-',    0x2010,
             0x2013, 0x2014, '.',    '_',    0x00B7, '/',    ' ',    0x00A0, 0x00AB, 0x20AC}) {
        const std::string text = "x" + utf8(c) + "y";
        INFO("U+" << std::hex << c);
        const auto pieces = revue::word_pieces(text);
        CHECK((pieces.size() == 1) == revue::is_word_char(c));
        if (revue::is_joining_hyphen(c)) {
            REQUIRE(pieces.size() == 2);
            CHECK(pieces[1].link == revue::Link::joined);
        }
        const auto broken = revue::word_pieces("x" + utf8(c) + "\ny");
        if (revue::is_line_end_hyphen(c)) {
            REQUIRE(broken.size() == 2);
            CHECK(broken[1].link == revue::Link::line_break);
        } else if (!revue::is_word_char(c)) {
            for (const auto& piece : broken) CHECK(piece.link != revue::Link::line_break);
        }
    }
}

TEST_CASE("code_point_at and code_point_before read one code point", "[char_rules]") {
    const std::string text = "aé€\U0001F600";  // 1, 2, 3 and 4 bytes
    const auto [at, c, length] = GENERATE(table<std::size_t, UChar32, std::size_t>({
        {0, 'a', 1},
        {1, 0x00E9, 2},
        {3, 0x20AC, 3},
        {6, 0x1F600, 4},
    }));
    CAPTURE(at);
    const CodePoint forward = revue::code_point_at(text, at);
    CHECK(forward.c == c);
    CHECK(forward.length == length);
    const CodePoint backward = revue::code_point_before(text, at + length);
    CHECK(backward.c == c);
    CHECK(backward.length == length);
}

TEST_CASE("code points of ill-formed bytes are negative, never past the text", "[char_rules]") {
    CHECK(revue::code_point_at("a", 1).c < 0);  // the end
    CHECK(revue::code_point_at("a", 1).length == 0);
    CHECK(revue::code_point_at("\xff", 0).c < 0);
    CHECK(revue::code_point_at("\xff", 0).length == 1);
    CHECK(revue::code_point_at("\x80z", 0).length == 1);        // a lone continuation byte
    const CodePoint cut = revue::code_point_at("\xE2\x82", 0);  // "€" cut short
    CHECK(cut.c < 0);
    CHECK(cut.length >= 1);
    CHECK(cut.length <= 2);
    CHECK(revue::code_point_before("a\xff", 2).c < 0);
    CHECK(revue::code_point_before("a\xff", 2).length == 1);
    CHECK(revue::code_point_before("\x80", 1).c < 0);
    // Only four bytes are looked back at: a long text before changes nothing.
    const std::string long_text = std::string(100, 'x') + "\U0001F600";
    CHECK(revue::code_point_before(long_text, long_text.size()).c == 0x1F600);
    CHECK(revue::code_point_before(long_text, long_text.size()).length == 4);
    CHECK(revue::code_point_before(long_text, 100).c == 'x');
}

TEST_CASE("apostrophe_at gives the byte length of an apostrophe, else 0", "[char_rules]") {
    const auto [text, at, length] = GENERATE(table<std::string, std::size_t, std::size_t>({
        {"l'a", 1, 1},
        {"l’a", 1, 3},
        {"l‘a", 1, 3},
        {"l‛a", 1, 3},
        {"lʼa", 1, 2},
        {"l'a", 0, 0},
        {"l\"a", 1, 0},
        {"l`a", 1, 0},
        {"l'", 2, 0},         // past the end
        {"l\xE2\x80", 1, 0},  // ’ cut short
    }));
    CAPTURE(text, at);
    CHECK(revue::apostrophe_at(text, at) == length);
}

TEST_CASE("terms are at most kMaxTermBytes, well under Xapian's limit", "[char_rules]") {
    CHECK(revue::kMaxTermBytes == 64);
    CHECK(revue::kMaxTermBytes < 245);
}
