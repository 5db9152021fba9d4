// Sentence starts, found with ICU's sentence rules on as little of the text as they need:
// a passage opens at the start of the sentence holding its first match when it can.
#pragma once

#include <cstddef>
#include <string_view>

namespace revue::highlight {

// The start of the sentence (or paragraph) holding the code point at byte `byte`, looked for
// from the safe cut `from` on: the sentence rules decide a boundary from what lies after the
// last space before it, so the boundaries after `from` are those of the whole text, and
// `from` itself is one (whether the whole text has it there or not).
std::size_t sentence_start(std::string_view whole, std::size_t byte, std::size_t from);

}  // namespace revue::highlight
