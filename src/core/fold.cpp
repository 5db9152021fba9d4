#include "revue/core/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "revue/core/icu_error.hpp"
#include "revue/core/text.hpp"

namespace revue {
namespace {

// NFKC_Casefold in decompose mode: compatibility forms, case and default-ignorables folded,
// accents left as separate marks ready to drop. Loaded on the first text that is not ASCII:
// a query of ASCII words does without its data (0.2 ms).
const icu::Normalizer2& decompose_fold() {
    static const icu::Normalizer2* const normalizer = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n =
            icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, err);
        check_icu(err, "nfkc_cf normalizer");
        return n;
    }();
    return *normalizer;
}

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* const normalizer = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
        check_icu(err, "NFC normalizer");
        return n;
    }();
    return *normalizer;
}

}  // namespace

bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC;
}

void fold_into(std::string_view raw, std::string& out) {
    if (is_ascii(raw)) {
        out.assign(raw);
        for (char& c : out) c = ascii_lower(c);
        return;
    }
    if (raw.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("text too long to fold");
    }
    UErrorCode err = U_ZERO_ERROR;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    const icu::UnicodeString decomposed = decompose_fold().normalize(source, err);
    check_icu(err, "fold");
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the accents
        if (is_apostrophe(static_cast<char32_t>(c))) {
            kept.append(static_cast<UChar32>('\''));
        } else if (c == 0x0153 || c == 0x00E6) {
            // œ and æ are letters of their own to Unicode, with no decomposition to fold
            // (case folding already turned Œ, Æ into these), yet French readers type "oe"
            // and "ae" for them.
            kept.append(static_cast<UChar32>(c == 0x0153 ? 'o' : 'a'));
            kept.append(static_cast<UChar32>('e'));
        } else {
            kept.append(c);
        }
    }
    if (nfc().quickCheck(kept, err) != UNORM_YES) kept = nfc().normalize(kept, err);
    check_icu(err, "NFC");
    out.clear();
    kept.toUTF8String(out);
}

std::string fold(std::string_view text) {
    std::string out;
    fold_into(text, out);
    return out;
}

}  // namespace revue
