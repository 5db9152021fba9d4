#include "revue/readers/language_detector.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <map>
#include <string>

namespace revue {
namespace {

// English language names ("French") to ISO 639-1 codes, from ICU's locale data.
const std::map<std::string, std::string>& codes_by_english_name() {
    static const std::map<std::string, std::string> codes = [] {
        std::map<std::string, std::string> m;
        for (const char* const* code = icu::Locale::getISOLanguages(); *code; ++code) {
            icu::UnicodeString name;
            icu::Locale(*code).getDisplayLanguage(icu::Locale::getEnglish(), name);
            std::string utf8;
            name.foldCase().toUTF8String(utf8);
            m.emplace(utf8, *code);
        }
        return m;
    }();
    return codes;
}

bool is_iso_639_1(std::string_view code) {
    if (code.size() != 2) return false;
    for (const char* const* known = icu::Locale::getISOLanguages(); *known; ++known)
        if (code == *known) return true;
    return false;
}

}  // namespace

std::string detect_language(std::string_view utf8_text) {
    bool reliable = false;
    CLD2::Language top3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0;
    // The text comes out of ICU conversions, so it is valid UTF-8 as this call requires.
    const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
        utf8_text.data(), static_cast<int>(utf8_text.size()), /*is_plain_text=*/true,
        /*tld_hint=*/nullptr, /*encoding_hint=*/0, CLD2::UNKNOWN_LANGUAGE, top3, percent3, scores3,
        &text_bytes, &reliable);
    if (!reliable || text_bytes < kMinDetectBytes || lang == CLD2::UNKNOWN_LANGUAGE) return {};
    return normalize_language(CLD2::LanguageCode(lang));
}

std::string normalize_language(std::string_view tag_or_name) {
    const std::string tag(tag_or_name.substr(0, std::min<std::size_t>(tag_or_name.size(), 64)));
    if (tag.empty()) return {};
    UErrorCode status = U_ZERO_ERROR;
    std::string underscored = tag;
    std::replace(underscored.begin(), underscored.end(), '_', '-');
    const icu::Locale locale = icu::Locale::forLanguageTag(underscored, status);
    if (U_SUCCESS(status) && !locale.isBogus()) {
        const std::string language = locale.getLanguage();
        if (is_iso_639_1(language)) return language;
        // Three-letter codes ("fra"): ICU knows their two-letter equivalent by name.
        if (language.size() == 3) {
            icu::UnicodeString name;
            locale.getDisplayLanguage(icu::Locale::getEnglish(), name);
            std::string folded;
            name.foldCase().toUTF8String(folded);
            const auto& codes = codes_by_english_name();
            if (const auto it = codes.find(folded); it != codes.end()) return it->second;
        }
    }
    std::string folded;
    icu::UnicodeString::fromUTF8(tag).foldCase().toUTF8String(folded);
    const auto& codes = codes_by_english_name();
    if (const auto it = codes.find(folded); it != codes.end()) return it->second;
    return {};
}

}  // namespace revue
