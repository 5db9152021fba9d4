#include "revue/analysis/char_rules.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "revue/core/fold.hpp"

namespace revue {

bool is_word_char(UChar32 c) {
    if (c >= 0 && is_apostrophe(static_cast<char32_t>(c))) return true;
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_CF_MASK)) != 0;
}

bool is_joining_hyphen(UChar32 c) {
    return is_line_end_hyphen(c) || c == 0x2013;
}

bool is_line_end_hyphen(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}

CodePoint code_point_at(std::string_view text, std::size_t i) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::size_t start = i;
    UChar32 c = -1;
    if (i < text.size()) U8_NEXT(s, i, text.size(), c);
    return {c, i - start};
}

CodePoint code_point_before(std::string_view text, std::size_t i) {
    // ICU's backward macro counts in int32_t; a code point is at most 4 bytes back.
    const std::size_t from = i > 4 ? i - 4 : 0;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data() + from);
    auto at = static_cast<int32_t>(i - from);
    const int32_t end = at;
    UChar32 c = -1;
    if (at > 0) U8_PREV(s, 0, at, c);
    return {c, static_cast<std::size_t>(end - at)};
}

std::size_t apostrophe_at(std::string_view text, std::size_t i) {
    const CodePoint cp = code_point_at(text, i);
    return cp.c >= 0 && is_apostrophe(static_cast<char32_t>(cp.c)) ? cp.length : 0;
}

}  // namespace revue
