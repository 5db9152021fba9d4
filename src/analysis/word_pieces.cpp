#include "revue/analysis/word_pieces.hpp"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>

#include "revue/analysis/break_rules.hpp"
#include "revue/analysis/char_rules.hpp"
#include "revue/core/icu_error.hpp"
#include "revue/core/text.hpp"

namespace revue {
namespace {

// French elided articles and conjunctions: "l’", "qu’", "jusqu’"... are split off and dropped.
constexpr std::array<std::string_view, 13> kElisions = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
constexpr std::size_t kLongestElision = 6;

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Strips an elided article ("l’", "Qu'") from the front of a word segment.
bool strip_elision(std::string_view text, std::size_t& start, std::size_t end) {
    std::size_t i = start;
    while (i < end && i - start <= kLongestElision && is_ascii_alpha(text[i])) ++i;
    if (i == start || i - start > kLongestElision) return false;
    const std::size_t apostrophe = apostrophe_at(text, i);
    if (apostrophe == 0 || i + apostrophe >= end) return false;
    // A loop, not std::transform: GCC 12 at -O3 cannot see that i - start fits the array
    // and warns (stringop-overflow).
    std::array<char, kLongestElision> lower{};
    const std::size_t length = std::min(i - start, lower.size());
    for (std::size_t k = 0; k < length; ++k) lower[k] = ascii_lower(text[start + k]);
    const std::string_view prefix(lower.data(), length);
    if (std::find(kElisions.begin(), kElisions.end(), prefix) == kElisions.end()) return false;
    start = i + apostrophe;
    return true;
}

// What the characters between two word segments make of them.
Link classify_gap(std::string_view gap, bool after_soft_hyphen) {
    std::size_t i = 0;
    if (!after_soft_hyphen) {
        const CodePoint first = code_point_at(gap, 0);
        if (first.length == gap.size() && is_joining_hyphen(first.c)) return Link::joined;
        if (!is_line_end_hyphen(first.c)) return Link::none;
        i = first.length;
    }
    const auto skip_blanks = [&] {
        while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
    };
    skip_blanks();
    // Exactly one line break: a blank line is a paragraph end, not a hyphenated word.
    bool line_break = false;
    if (i < gap.size() && gap[i] == '\r') {
        ++i;
        line_break = true;
    }
    if (i < gap.size() && gap[i] == '\n') {
        ++i;
        line_break = true;
    }
    if (!line_break) return Link::none;
    skip_blanks();
    return i == gap.size() ? Link::line_break : Link::none;
}

// Appends the pieces of one word segment; the first one hangs on the previous piece by `link`.
void split_word(std::string_view text, std::size_t start, std::size_t end, Link link,
                std::vector<Piece>& out) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t piece_start = start;
    bool after_digit = false;
    std::size_t i = start;
    while (i < end) {
        const std::size_t at = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, end, c);
        if (c >= 0 && is_word_char(c)) {
            after_digit = u_isdigit(c);
            continue;
        }
        // "3,5", "1.000,50": separators between digits belong to the number.
        if (after_digit && i < end) {
            std::size_t j = i;
            UChar32 next = 0;
            U8_NEXT(bytes, j, end, next);
            if (next >= 0 && u_isdigit(next)) continue;
        }
        if (at > piece_start) {
            out.push_back({piece_start, at, link});
            link = Link::joined;
        }
        piece_start = i;
        after_digit = false;
    }
    if (end > piece_start) out.push_back({piece_start, end, link});
}

// Whether the segment ends with a soft hyphen, which ICU keeps with the word before it.
bool ends_with_soft_hyphen(std::string_view text, std::size_t start, std::size_t stop) {
    return stop > start && code_point_before(text, stop).c == kSoftHyphen;
}

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};

// A break iterator holds its position: each thread iterates with its own.
icu::BreakIterator& thread_word_breaks() {
    thread_local const std::unique_ptr<icu::BreakIterator> breaks =
        make_break_iterator(BreakRules::word);
    return *breaks;
}

}  // namespace

std::vector<Piece> word_pieces(std::string_view text) {
    std::vector<Piece> out;
    if (text.empty()) return out;
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("text too long to tokenise");
    }
    out.reserve(text.size() / 6);
    UErrorCode err = U_ZERO_ERROR;
    // The iterator reads the UTF-8 bytes in place: its boundaries are byte offsets.
    UText storage = UTEXT_INITIALIZER;
    const std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(&storage, text.data(), static_cast<int64_t>(text.size()), &err));
    check_icu(err, "UTF-8 text");
    icu::BreakIterator& breaks = thread_word_breaks();
    breaks.setText(utext.get(), err);
    check_icu(err, "word breaks");

    // End of the last word segment that gave pieces; npos at the start of a run.
    std::size_t previous_end = std::string_view::npos;
    bool previous_soft_hyphen = false;
    std::int32_t begin = breaks.first();
    for (std::int32_t end = breaks.next(); end != icu::BreakIterator::DONE;
         begin = end, end = breaks.next()) {
        if (breaks.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
        const auto segment_start = static_cast<std::size_t>(begin);
        const auto segment_end = static_cast<std::size_t>(end);
        std::size_t start = segment_start;
        std::size_t stop = segment_end;
        const bool elided = strip_elision(text, start, stop);
        // At a line end the soft hyphen marks a break.
        bool soft_hyphen = false;
        while (ends_with_soft_hyphen(text, start, stop)) {
            stop -= code_point_before(text, stop).length;
            soft_hyphen = true;
        }
        const Link link =
            previous_end != std::string_view::npos && !elided
                ? classify_gap(text.substr(previous_end, segment_start - previous_end),
                               previous_soft_hyphen)
                : Link::none;
        const std::size_t before = out.size();
        split_word(text, start, stop, link, out);
        if (out.size() > before) {
            previous_end = segment_end;
            previous_soft_hyphen = soft_hyphen;
        } else {
            previous_end = std::string_view::npos;
        }
    }
    return out;
}

}  // namespace revue
