// Checks readers/text_decoder.hpp: each encoding into UTF-8 with LF, and what is not text.
#include <catch2/catch.hpp>

#include <string>

#include "revue/readers/text_decoder.hpp"
#include "support.hpp"

using revue::decode_text;
using revue::is_valid_utf8;
using revue::looks_binary;
using revue::testing::fixture;

TEST_CASE("decode_text reads each encoding of the fixture folder", "[text_decoder]") {
    const auto [file, charset, expected] = GENERATE(table<std::string, std::string, std::string>({
        {"press.txt", "UTF-8", "La chanvrière de Landerneau"},
        {"utf8_bom_crlf.txt", "UTF-8", "Le tramway de Besançon\n\nLa ligne desservira"},
        {"utf16le.txt", "UTF-16LE", "Le funiculaire de Montmartre\n\nRénové"},
        {"cp1252.txt", "windows-1252",
         "Le cœur de la braderie bat place Rihour : une gaufre coûte 3 €, c’est déjà ça"},
        {"latin9.txt", "ISO-8859-15",
         "Le bœuf charolais s'est vendu 6 € le kilo ; les éleveurs, émus"},
        {"invalid_utf8.txt", "UTF-8", "le matériel \xEF\xBF\xBD et la marmotte siffle"},
    }));
    CAPTURE(file);
    const auto decoded = decode_text(fixture("formats/" + file));
    CHECK(decoded.charset == charset);
    CHECK(decoded.text.find(expected) != std::string::npos);
    CHECK(decoded.text.find('\r') == std::string::npos);
    CHECK(decoded.text.substr(0, 3) != "\xEF\xBB\xBF");
    CHECK(is_valid_utf8(decoded.text));
}

TEST_CASE("decode_text handles the byte-level cases", "[text_decoder]") {
    SECTION("CRLF and lone CR become LF") {
        CHECK(decode_text("a\r\nb\rc\n\rd").text == "a\nb\nc\n\nd");
    }
    SECTION("form feeds and Unicode line separators become LF") {
        CHECK(decode_text("a\fb\vc\u2028d\u2029e\u0085f").text == "a\nb\nc\nd\ne\nf");
    }
    SECTION("other control characters are dropped, tabs kept") {
        CHECK(decode_text("rouge \x1B[31mvif\x07\x7F\tfin\u009B").text == "rouge [31mvif\tfin");
    }
    SECTION("a UTF-8 BOM is dropped") {
        const auto decoded = decode_text("\xEF\xBB\xBFozone");
        CHECK(decoded.text == "ozone");
        CHECK(decoded.charset == "UTF-8");
    }
    SECTION("UTF-16BE with a BOM") {
        const std::string bytes("\xFE\xFF\x00\xE9\x00t\x00\xE9", 8);
        const auto decoded = decode_text(bytes);
        CHECK(decoded.charset == "UTF-16BE");
        CHECK(decoded.text == "été");
    }
    SECTION("short 8-bit text falls back to windows-1252") {
        const auto decoded = decode_text("caf\xE9");
        CHECK(decoded.text == "café");
    }
    SECTION("a declared charset is used for bytes that are not UTF-8") {
        const auto decoded = decode_text(
            "\xBD"
            "uf",
            "ISO-8859-15");
        CHECK(decoded.charset == "ISO-8859-15");
        CHECK(decoded.text == "œuf");
    }
    SECTION("a declared charset does not override valid UTF-8") {
        CHECK(decode_text("été", "windows-1252").text == "été");
    }
    SECTION("an unknown declared charset is ignored") {
        CHECK(decode_text("caf\xE9", "no-such-charset").text == "café");
    }
}

TEST_CASE("is_valid_utf8", "[text_decoder]") {
    const auto [bytes, valid] = GENERATE(table<std::string, bool>({
        {"", true},
        {"ascii", true},
        {"été €", true},
        {"caf\xE9", false},
        {"\xC0\xAF", false},      // overlong "/"
        {"\xED\xA0\x80", false},  // a surrogate
        {"\xE2\x82", false},      // truncated
    }));
    CAPTURE(bytes);
    CHECK(is_valid_utf8(bytes) == valid);
}

TEST_CASE("looks_binary", "[text_decoder]") {
    SECTION("the junk fixture and NUL bytes") {
        CHECK(looks_binary(fixture("formats/junk.txt")));
        CHECK(looks_binary(std::string("text\0text", 9)));
    }
    SECTION("a UTF-16 file has NULs but is text") {
        CHECK_FALSE(looks_binary(fixture("formats/utf16le.txt")));
    }
    SECTION("a UTF-16 file holding a NUL character is not") {
        CHECK(
            looks_binary(std::string("\xFF\xFE"
                                     "a\x00\x00\x00"
                                     "b\x00",
                                     8)));
    }
    SECTION("text, 8-bit text and a few control bytes are text") {
        CHECK_FALSE(looks_binary(fixture("formats/cp1252.txt")));
        CHECK_FALSE(looks_binary("tab\tform\ffeed\r\n"));
        CHECK_FALSE(looks_binary("one escape \x1B in a long enough line of ordinary prose"));
    }
    SECTION("many control bytes are not") {
        CHECK(looks_binary("\x01\x02\x03\x04 abc"));
    }
}
