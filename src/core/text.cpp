#include "revue/core/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace revue {

namespace {
constexpr std::string_view kAsciiSpace = " \t\r\n\f\v";
}  // namespace

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(kAsciiSpace);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(kAsciiSpace);
    return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(text.substr(pos, end - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t code_points(std::string_view utf8) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    std::size_t count = 0;
    for (std::size_t i = 0; i < utf8.size(); ++count) {
        UChar32 c = 0;
        U8_NEXT(s, i, utf8.size(), c);
    }
    return count;
}

bool is_blank(std::string_view utf8) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    for (std::size_t i = 0; i < utf8.size();) {
        UChar32 c = 0;
        U8_NEXT(s, i, utf8.size(), c);
        if (c < 0 || !u_isUWhiteSpace(c)) return false;
    }
    return true;
}

}  // namespace revue
