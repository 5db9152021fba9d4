#include "revue/search/highlight/cuts.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "revue/analysis/char_rules.hpp"

namespace revue::highlight {

bool separates_words(UChar32 c) {
    if (c < 0) return false;  // an ill-formed byte stays in its word (as U+FFFD)
    if (c < 0x80) return c <= 0x20 || c == 0x7F;  // what the rule below gives for ASCII
    if (u_charType(c) == U_CONTROL_CHAR) return true;
    return u_isUWhiteSpace(c) && u_getIntPropertyValue(c, UCHAR_LINE_BREAK) != U_LB_GLUE;
}

bool after_clean_blank(std::string_view text, std::size_t p) {
    if (p == 0 || !is_blank(text[p - 1])) return false;
    std::size_t run = p - 1;
    while (run > 0 && is_blank(text[run - 1])) --run;
    const UChar32 before = code_point_before(text, run).c;
    return !(is_line_end_hyphen(before) || before == kSoftHyphen);
}

bool safe_cut(std::string_view text, std::size_t p) {
    if (p == 0 || p >= text.size()) return true;
    const auto c = static_cast<unsigned char>(text[p]);
    return c < 0x80 && !is_blank(text[p]) && after_clean_blank(text, p);
}

std::size_t cut_before(std::string_view text, std::size_t at) {
    std::size_t p = std::min(at, text.size());
    while (!safe_cut(text, p)) --p;
    return p;
}

std::size_t cut_after(std::string_view text, std::size_t at) {
    std::size_t p = at;
    while (p < text.size() && !safe_cut(text, p)) ++p;
    return std::min(p, text.size());
}

}  // namespace revue::highlight
