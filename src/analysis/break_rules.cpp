#include "revue/analysis/break_rules.hpp"

#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/udata.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace revue {
namespace {

// ICU's break rules live in its "brkitr" tree as "Brk " items.
const char* const kBreakTree = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";

// Format 6 (ICU's rbbidata.h) begins with a magic number, the format version, then the length
// in bytes of the rules, which the constructor from compiled rules checks against.
constexpr std::uint8_t kRulesFormat = 6;
constexpr std::size_t kLengthOffset = 8;

UBool U_CALLCONV accept_rules(void*, const char*, const char*, const UDataInfo* info) {
    return info->isBigEndian == U_IS_BIG_ENDIAN && info->charsetFamily == U_CHARSET_FAMILY &&
           std::memcmp(info->dataFormat, "Brk ", 4) == 0 && info->formatVersion[0] == kRulesFormat;
}

// The compiled rules, opened once per process and kept open while iterators may read them
// where they lie; null when ICU's data holds them in a format this code does not know.
class CompiledRules {
  public:
    explicit CompiledRules(const char* name) {
        UErrorCode err = U_ZERO_ERROR;
        data_.reset(udata_openChoice(kBreakTree, "brk", name, accept_rules, nullptr, &err));
        if (U_FAILURE(err)) data_.reset();
    }
    const std::uint8_t* bytes() const {
        return data_ ? static_cast<const std::uint8_t*>(udata_getMemory(data_.get())) : nullptr;
    }

  private:
    std::unique_ptr<UDataMemory, decltype(&udata_close)> data_{nullptr, &udata_close};
};

const std::uint8_t* compiled_rules(BreakRules rules) {
    if (rules == BreakRules::word) {
        static const CompiledRules word("word");
        return word.bytes();
    }
    static const CompiledRules sentence("sent");
    return sentence.bytes();
}

}  // namespace

std::unique_ptr<icu::BreakIterator> make_break_iterator(BreakRules rules) {
    UErrorCode err = U_ZERO_ERROR;
    if (const std::uint8_t* const data = compiled_rules(rules)) {
        std::uint32_t length = 0;
        std::memcpy(&length, data + kLengthOffset, sizeof length);
        auto iterator = std::make_unique<icu::RuleBasedBreakIterator>(data, length, err);
        if (U_SUCCESS(err)) return iterator;
        err = U_ZERO_ERROR;
    }
    // Another ICU: through the locale, as ICU itself finds the rules.
    const icu::Locale& root = icu::Locale::getRoot();
    std::unique_ptr<icu::BreakIterator> iterator(
        rules == BreakRules::word ? icu::BreakIterator::createWordInstance(root, err)
                                  : icu::BreakIterator::createSentenceInstance(root, err));
    if (U_FAILURE(err) || !iterator) {
        throw std::runtime_error(std::string("ICU ") +
                                 (rules == BreakRules::word ? "word" : "sentence") +
                                 " break iterator: " + u_errorName(err));
    }
    return iterator;
}

}  // namespace revue
