#include "revue/search/highlight/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

#include "revue/analysis/break_rules.hpp"
#include "revue/core/errors.hpp"
#include "revue/search/highlight/cuts.hpp"

namespace revue::highlight {
namespace {

using UTextPtr = std::unique_ptr<UText, decltype(&utext_close)>;

// Building a sentence iterator loads its rules (most of a snippet's cost), so each thread
// keeps one and only points it at new text. French and English share ICU's root rules.
icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> iterator;
    if (!iterator) iterator = make_break_iterator(BreakRules::sentence);
    return *iterator;
}

// How far the sentence rules read to settle the boundaries up to `byte`: past digits, spaces
// and punctuation to the first letter, paragraph separator or sentence terminator (SB8 looks
// there for a lower-case letter), then to the next safe cut. ICU fills its cache with the
// boundaries of the sentences after the one asked for: text beyond this is only read for them.
std::size_t look_ahead_end(std::string_view text, std::size_t byte) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    for (std::size_t i = byte; i < text.size();) {
        UChar32 c = 0;
        U8_NEXT(s, i, text.size(), c);
        switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
            case U_SB_OLETTER:
            case U_SB_UPPER:
            case U_SB_LOWER:
            case U_SB_SEP:
            case U_SB_CR:
            case U_SB_LF:
            case U_SB_STERM:
            case U_SB_ATERM:
                return cut_after(text, i);
            default:
                break;
        }
    }
    return text.size();
}

}  // namespace

std::size_t sentence_start(std::string_view whole, std::size_t byte, std::size_t from) {
    const std::string_view text = whole.substr(from, look_ahead_end(whole, byte) - from);
    byte -= from;
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        return from + byte;  // BreakIterator offsets are 32-bit: no sentence alignment then
    }
    UErrorCode status = U_ZERO_ERROR;
    // UTF-8 UText: the iterator's native offsets are byte offsets, no conversion needed.
    const UTextPtr utext(
        utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status),
        &utext_close);
    icu::BreakIterator& sentences = sentence_iterator();
    // The iterator keeps a shallow clone of utext; it is only used again after the next
    // setText, so the text may go away after this call.
    sentences.setText(utext.get(), status);
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU sentence break iterator: ") + u_errorName(status));
    }
    const auto offset = static_cast<std::int32_t>(byte);
    if (sentences.isBoundary(offset)) return from + byte;
    const std::int32_t before = sentences.preceding(offset);
    return from + (before == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(before));
}

}  // namespace revue::highlight
