#include "revue/readers/text_decoder.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <stdexcept>

namespace revue {
namespace {

// The detector only needs a sample; whole files would make it slow for nothing.
constexpr std::size_t kDetectorSample = 64 * 1024;
// ICU answers UTF-16 at 10 for any text; only a real score means NUL-interleaved ASCII.
constexpr int32_t kUtf16Confidence = 50;

int32_t icu_length(std::size_t size) {
    if (size > static_cast<std::size_t>(INT32_MAX)) throw std::length_error("file too large");
    return static_cast<int32_t>(size);
}

struct Signature {
    std::string charset;  // "" when the bytes start with no Unicode signature we accept
    std::size_t length = 0;
};

Signature unicode_signature(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    const char* name = ucnv_detectUnicodeSignature(
        bytes.data(), icu_length(std::min<std::size_t>(bytes.size(), 4)), &length, &status);
    if (U_FAILURE(status) || name == nullptr) return {};
    // ICU also recognises UTF-7, SCSU, BOCU-1 and UTF-EBCDIC signatures; text files in the
    // wild that start with those bytes are far more likely 8-bit text.
    for (const std::string_view accepted :
         {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
        if (accepted == name) return {std::string(name), static_cast<std::size_t>(length)};
    return {};
}

bool is_utf16_or_32(std::string_view charset) {
    return charset.substr(0, 6) == "UTF-16" || charset.substr(0, 6) == "UTF-32";
}

icu::UnicodeString to_unicode(std::string_view bytes, const char* charset) {
    // The codepage constructor converts with ICU's substitute callback: illegal or
    // unmappable sequences become U+FFFD instead of failing.
    return icu::UnicodeString(bytes.data(), icu_length(bytes.size()), charset);
}

// Line ends of every convention become LF; other control characters are no text (an ESC
// left in a clipping would drive the terminal that shows it) and go.
std::string to_utf8_with_lf(const icu::UnicodeString& text) {
    icu::UnicodeString clean;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        switch (c) {
            case '\r':
                if (i < text.length() && text.charAt(i) == '\n') ++i;
                clean.append(UChar32{'\n'});
                continue;
            case '\n':
            case '\t':
                clean.append(c);
                continue;
            case '\v':
            case '\f':
            case 0x0085:  // NEXT LINE
            case 0x2028:  // LINE SEPARATOR
            case 0x2029:  // PARAGRAPH SEPARATOR
                clean.append(UChar32{'\n'});
                continue;
            default:
                break;
        }
        if (u_charType(c) != U_CONTROL_CHAR) clean.append(c);
    }
    std::string out;
    clean.toUTF8String(out);
    return out;
}

// ICU's canonical name for a charset label, "" when ICU does not know it.
std::string canonical_charset(std::string_view label) {
    const std::string name(label);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(name.c_str(), &status);
    if (U_FAILURE(status) || converter == nullptr) return {};
    const std::unique_ptr<UConverter, decltype(&ucnv_close)> owned(converter, ucnv_close);
    status = U_ZERO_ERROR;
    const char* internal = ucnv_getName(converter, &status);
    if (U_FAILURE(status) || internal == nullptr) return {};
    // ICU's internal names ("ibm-923_P100-1998") mean little to users: prefer the MIME or
    // IANA name ("ISO-8859-15").
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* name = ucnv_getStandardName(internal, standard, &status);
        if (U_SUCCESS(status) && name != nullptr) return name;
    }
    return internal;
}

struct Utf8Profile {
    std::size_t multibyte = 0;  // well-formed sequences of two bytes or more
    std::size_t invalid = 0;    // ill-formed sequences
};

Utf8Profile utf8_profile(std::string_view bytes) {
    Utf8Profile profile;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int32_t length = icu_length(bytes.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0)
            ++profile.invalid;
        else if (c > 0x7F)
            ++profile.multibyte;
    }
    return profile;
}

// UTF-8 with a few damaged bytes. In 8-bit text an accented letter is followed by an ASCII
// one, which is never well-formed UTF-8, so such text has next to no multi-byte sequences.
bool is_mostly_utf8(std::string_view bytes) {
    const Utf8Profile profile = utf8_profile(bytes);
    return profile.multibyte > profile.invalid;
}

bool has_c1_bytes(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 && b <= 0x9F;
    });
}

// ICU's detector reports ISO-8859-1 for Latin-9 text too. The two differ in eight code
// points, where ISO-8859-15 has €, Œ, œ, Š, š, Ž, ž, Ÿ — common in French — and
// ISO-8859-1 has ¤ ¦ ¨ ´ ¸ ¼ ½ ¾, rare in prose; bytes whose readings differ mean Latin-9.
std::string latin1_or_latin9(std::string_view bytes) {
    const auto latin1 = to_unicode(bytes, "ISO-8859-1");
    const auto latin9 = to_unicode(bytes, "ISO-8859-15");
    return latin1 == latin9 ? "ISO-8859-1" : "ISO-8859-15";
}

std::string detect_charset(std::string_view bytes) {
    const auto sample = bytes.substr(0, kDetectorSample);
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                              ucsdet_close);
    if (U_FAILURE(status)) return "windows-1252";
    ucsdet_setText(detector.get(), sample.data(), icu_length(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return "windows-1252";

    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const std::string_view name = ucsdet_getName(matches[i], &s);
        // The Latin-1 recogniser says windows-1252 itself when it saw bytes 0x80–0x9F.
        if (name == "windows-1252") return "windows-1252";
        if (name == "ISO-8859-1")
            return has_c1_bytes(bytes) ? "windows-1252" : latin1_or_latin9(bytes);
        if (i == 0 && is_utf16_or_32(name) &&
            ucsdet_getConfidence(matches[i], &s) >= kUtf16Confidence)
            return std::string(name);
    }
    // Short texts often get an exotic answer (ISO-8859-2, Shift_JIS, …); this corpus is
    // French and English, whose legacy files are nearly always Windows-1252.
    return "windows-1252";
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    return utf8_profile(bytes).invalid == 0;
}

DecodedText decode_text(std::string_view bytes, std::string_view declared_charset) {
    DecodedText out;
    const Signature signature = unicode_signature(bytes);
    if (!signature.charset.empty()) {
        out.charset = signature.charset;
        bytes.remove_prefix(signature.length);
    } else if (is_valid_utf8(bytes)) {
        out.charset = "UTF-8";
    } else if (is_mostly_utf8(bytes)) {
        out.charset = "UTF-8";  // converted with U+FFFD for the damaged bytes
    } else if (auto declared = canonical_charset(declared_charset); !declared.empty()) {
        // As browsers do (WHATWG Encoding), a Latin-1 or ASCII label means windows-1252.
        out.charset =
            declared == "ISO-8859-1" || declared == "US-ASCII" ? "windows-1252" : declared;
    } else {
        out.charset = detect_charset(bytes);
    }
    out.text = to_utf8_with_lf(to_unicode(bytes, out.charset.c_str()));
    return out;
}

bool looks_binary(std::string_view bytes) {
    const Signature signature = unicode_signature(bytes);
    std::size_t controls = 0;
    std::size_t total = 0;
    if (is_utf16_or_32(signature.charset)) {
        const auto sample = bytes.substr(signature.length, kDetectorSample);
        const auto text = to_unicode(sample, signature.charset.c_str());
        for (int32_t i = 0; i < text.length();) {
            const UChar32 c = text.char32At(i);
            i += U16_LENGTH(c);
            ++total;
            if (c == 0) return true;
            if (u_charType(c) == U_CONTROL_CHAR && !u_isspace(c)) ++controls;
        }
    } else {
        if (bytes.find('\0') != std::string_view::npos) return true;
        for (const char c : bytes.substr(0, kDetectorSample)) {
            const auto b = static_cast<unsigned char>(c);
            ++total;
            // C0 controls and DEL, except tab, LF, VT, FF and CR; bytes above 0x7F are
            // letters in some 8-bit charset.
            if ((b < 0x20 && (b < 0x09 || b > 0x0D)) || b == 0x7F) ++controls;
        }
    }
    return total > 0 &&
           static_cast<double>(controls) > kMaxControlRatio * static_cast<double>(total);
}

}  // namespace revue
