#include "revue/output/escape.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace revue {

void append_escaped(std::string& out, std::string_view field) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    const auto hex = [&](std::uint32_t value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += kHex[(value >> shift) & 0xF];
    };
    const auto* s = reinterpret_cast<const std::uint8_t*>(field.data());
    const std::size_t length = field.size();
    std::size_t i = 0;
    while (i < length) {
        const std::size_t begin = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            for (std::size_t k = begin; k < i; ++k) {
                out += "\\x";
                hex(s[k], 2);
            }
            continue;
        }
        switch (c) {
            case '\\':
                out += "\\\\";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\r':
                out += "\\r";
                continue;
            default:
                break;
        }
        const auto type = u_charType(c);
        if (type == U_CONTROL_CHAR && c < 0x80) {
            out += "\\x";
            hex(static_cast<std::uint32_t>(c), 2);
        } else if (type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR ||
                   type == U_PARAGRAPH_SEPARATOR) {
            out += "\\u";
            hex(static_cast<std::uint32_t>(c), 4);
        } else {
            out.append(field, begin, i - begin);
        }
    }
}

std::vector<std::pair<std::size_t, std::size_t>> clean_matches(const Snippet& snippet) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (auto [start, end] : snippet.matches) {
        end = std::min(end, snippet.text.size());
        if (start < end) ranges.emplace_back(start, end);
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, range.second);
        } else {
            merged.push_back(range);
        }
    }
    return merged;
}

std::string escape_field(std::string_view field) {
    std::string out;
    append_escaped(out, field);
    return out;
}

}  // namespace revue
