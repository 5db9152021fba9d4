// Turns the bytes of a text file, in whatever encoding it came (UTF-8 with or without BOM,
// UTF-16 with BOM, Windows-1252, ISO-8859-1/15), into UTF-8 with LF line ends, via ICU.
#pragma once

#include <string>
#include <string_view>

namespace revue {

struct DecodedText {
    std::string text;     // UTF-8, no BOM, "\n" line ends (CR, CRLF, FF, VT, NEL, U+2028
                          // and U+2029 become one), no control character but tab
    std::string charset;  // what the bytes were read as, in ICU's naming: "UTF-8",
                          // "UTF-16LE", "windows-1252", "ISO-8859-15", …
};

// Never throws on odd bytes: invalid sequences become U+FFFD. The encoding comes from, in
// order: a Unicode signature (BOM); valid UTF-8; mostly UTF-8 (more well-formed multi-byte
// sequences than broken ones: a damaged UTF-8 file); `declared_charset` (an HTML <meta
// charset>) when ICU knows it; ICU's charset detector, trusted for the Western 8-bit
// charsets (ISO-8859-1 refined to ISO-8859-15 when the € Œ œ … bytes occur) and UTF-16;
// windows-1252 otherwise.
DecodedText decode_text(std::string_view bytes, std::string_view declared_charset = {});

// True when the bytes are well-formed UTF-8 (checked with ICU's U8_NEXT).
bool is_valid_utf8(std::string_view bytes);

// True for bytes that are not text whatever their encoding: NUL bytes (except in a UTF-16
// or UTF-32 file with a BOM), or more than kMaxControlRatio of control characters.
bool looks_binary(std::string_view bytes);

inline constexpr double kMaxControlRatio = 0.05;

}  // namespace revue
