// Small text helpers every stage uses on UTF-8 strings: trimming, lines, ASCII case, counts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace revue {

// Without the ASCII white space (space, tab, CR, LF, FF, VT) at both ends.
std::string_view trim(std::string_view s);

inline bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The lines of a text with LF line ends, without their LF; a final LF ends the last line
// with an empty one, as the text reads.
std::vector<std::string_view> split_lines(std::string_view text);

// The parts one after the other with `separator` between them.
template <class Parts>
std::string join(const Parts& parts, std::string_view separator) {
    std::string out;
    bool first = true;
    for (const auto& part : parts) {
        if (!first) out += separator;
        out += part;
        first = false;
    }
    return out;
}

inline char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII letters lowered, every other byte as it is: for names that are ASCII by nature
// (HTML tags and classes, extensions, charset labels).
std::string ascii_lower(std::string_view s);

bool is_ascii(std::string_view s);

// One or more ASCII digits and nothing else.
bool is_digits(std::string_view s);

// Code points in UTF-8 text; each ill-formed sequence (a stray byte, a sequence cut short)
// counts as one.
std::size_t code_points(std::string_view utf8);

// Nothing but white space (Unicode's White_Space: no-break spaces too) in UTF-8 text.
bool is_blank(std::string_view utf8);

}  // namespace revue
