// ICU's word and sentence break iterators, built from the compiled rules in ICU's data: the
// locale look-up through resource bundles costs more than the rules themselves, and French
// and English both break with ICU's root rules.
#pragma once

#include <unicode/brkiter.h>

#include <memory>

namespace revue {

enum class BreakRules { word, sentence };

// A new iterator; the same boundaries as BreakIterator::createWordInstance or
// createSentenceInstance for "fr" and "en". Throws std::runtime_error when ICU has neither.
std::unique_ptr<icu::BreakIterator> make_break_iterator(BreakRules rules);

}  // namespace revue
