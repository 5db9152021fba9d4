#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "revue/analysis/char_rules.hpp"
#include "revue/search/highlight/cuts.hpp"
#include "revue/search/highlight/highlighter.hpp"
#include "revue/search/highlight/match_keys.hpp"
#include "revue/search/highlight/passage.hpp"
#include "revue/search/highlight/text_model.hpp"

// make_snippet: the matches found without analysing the whole text. A scan of the folded
// text finds where the query's words (and the words sharing a stem's first letter) may be,
// and only the places it cannot settle go through the analyzer.
namespace revue {
namespace highlight {
namespace {

bool is_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ASCII letters and digits lowercased; 0 for every other byte.
constexpr std::array<char, 128> kLowerAlnum = [] {
    std::array<char, 128> table{};
    for (char c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = c;
    for (char c = 'a'; c <= 'z'; ++c) {
        table[static_cast<std::size_t>(c)] = c;
        table[static_cast<std::size_t>(c - 'a' + 'A')] = c;
    }
    return table;
}();

// The first character of a term, leading apostrophes aside: the Snowball stemmers only
// rewrite endings (and the English one drops a leading apostrophe), so a word and its stem
// start alike. test_snippet checks this over a vocabulary.
std::string_view first_char(std::string_view term) {
    std::size_t i = 0;
    while (i < term.size() && term[i] == '\'') ++i;
    if (i == term.size()) return {};
    const auto* s = reinterpret_cast<const std::uint8_t*>(term.data());
    const std::size_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, term.size(), c);
    return term.substr(begin, i - begin);
}

// The letters and digits of a folded term, what the scan compares: apostrophes and the
// punctuation inside numbers ("3,5") are left out on both sides.
std::string kept_of(std::string_view folded) {
    std::string out;
    const auto* s = reinterpret_cast<const std::uint8_t*>(folded.data());
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t begin = i;
        UChar32 c = 0;
        U8_NEXT(s, i, folded.size(), c);
        if (c < 0) continue;
        const bool keep = c < 0x80 ? is_ascii_alnum(static_cast<unsigned char>(c))
                                   : (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_MC_MASK |
                                                          U_GC_ME_MASK)) != 0;
        if (keep) out.append(folded, begin, i - begin);
    }
    return out;
}

// Scripts where folding a word equals folding its characters one by one and dropping their
// accents: Latin, Greek, Cyrillic, Armenian, punctuation, symbols, compatibility letters.
// Elsewhere (Hangul, Indic scripts) a mark may compose with a neighbour, or words are found
// with dictionaries: those texts are analysed whole.
bool folds_alone(UChar32 c) {
    return c < 0x0590 || (c >= 0x1D00 && c < 0x2C00) || (c >= 0x2C60 && c < 0x2C80) ||
           (c >= 0x2E00 && c < 0x2E80) || (c >= 0xA720 && c < 0xA800) ||
           (c >= 0xFB00 && c < 0xFB07) || (c >= 0xFE00 && c < 0xFE10) || c == 0xFEFF ||
           (c >= 0xFF01 && c < 0xFF5F) || c == 0xFFFD;
}

// What a code point is to the scan.
struct Traits {
    bool word = false;         // the analyzer keeps it in a word piece
    bool joining = false;      // a letter or digit to the word break rules: no break between two
    bool transparent = false;  // the word break rules see through it (marks, format characters)
    bool silent = false;       // a word character that leaves nothing in the skeleton
    bool whole = false;        // a letter or digit whose index form is all kept
    bool apart = false;        // stands between words, never joins them: a word ends before
                               // it and starts after it whatever lies beyond
};

struct CharInfo {
    std::string kept;  // its index form, letters and digits only (kept_of)
    Traits traits;
    bool local = true;  // folds alone as it folds inside a word
};

Traits ascii_traits(unsigned char b) {
    Traits t;
    const bool alnum = is_ascii_alnum(b);
    t.word = alnum || b == '\'';
    t.joining = alnum;
    t.silent = b == '\'';
    t.whole = alnum;
    // Not apart: blanks and controls (a hyphen may link words across them), the hyphen, the
    // apostrophe, and what joins letters or digits (".", ":", ",", ";", "_").
    constexpr std::string_view kJoiners = "-'.:,;_";
    t.apart = !alnum && b > 0x20 && b != 0x7F &&
              kJoiners.find(static_cast<char>(b)) == std::string_view::npos;
    return t;
}

const CharInfo& char_info(UChar32 c, const Analyzer& analyzer) {
    thread_local std::array<std::unordered_map<UChar32, CharInfo>, 2> caches;
    auto& cache = caches[analyzer.language() == Language::english ? 1 : 0];
    auto [it, added] = cache.try_emplace(c);
    if (!added) return it->second;
    CharInfo& info = it->second;
    info.local = folds_alone(c);
    Traits& t = info.traits;
    t.word = is_word_char(c);
    const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    t.joining =
        wb == U_WB_ALETTER || wb == U_WB_NUMERIC || wb == U_WB_HEBREW_LETTER || wb == U_WB_KATAKANA;
    t.transparent = wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
    t.apart = !t.word && wb == U_WB_OTHER && !is_joining_hyphen(c) && !separates_words(c);
    if (t.word && info.local) {
        std::string utf8(static_cast<std::size_t>(U8_LENGTH(c)), '\0');
        std::size_t at = 0;
        U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(utf8.data()), at, c);
        const std::string folded = analyzer.fold(utf8);
        info.kept = kept_of(folded);
        t.silent = !t.transparent && info.kept.empty();
        t.whole = t.joining && !t.transparent && !info.kept.empty() && info.kept == folded;
    }
    return info;
}

// The text folded for the scan: the kept characters of every word character, one after the
// other, each byte knowing the code point it came from. Separators and punctuation are left
// out, so the words of "start-up" or "intelli-\ngence" are found whole.
class Skeleton {
  public:
    Skeleton(std::string_view text, const Analyzer& analyzer) : text_(text), analyzer_(analyzer) {}

    // False when the text is not UTF-8 or holds a character that does not fold alone.
    bool build() {
        const std::size_t length = text_.size();
        if (length >= std::numeric_limits<std::uint32_t>::max()) return false;
        const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
        // Written in place: this loop sees every byte of every hit.
        offsets_.resize(length + 1);
        chars_.resize(length);
        source_.resize(length);
        std::size_t count = 0;  // code points
        std::size_t w = 0;      // skeleton bytes
        for (std::size_t i = 0; i < length;) {
            const auto index = static_cast<std::uint32_t>(count);
            offsets_[count++] = static_cast<std::uint32_t>(i);
            const std::uint8_t b = s[i];
            if (b < 0x80) {
                ++i;
                if (const char kept = kLowerAlnum[b]) {
                    chars_[w] = kept;
                    source_[w++] = index;
                }
                continue;
            }
            UChar32 c = 0;
            U8_NEXT(s, i, length, c);
            if (c < 0) return false;
            const CharInfo& info = char_info(c, analyzer_);
            if (!info.local) return false;
            if (!info.traits.word) continue;
            if (w + info.kept.size() > chars_.size()) {  // a few characters fold longer
                chars_.resize(chars_.size() + length / 4 + 16);
                source_.resize(chars_.size());
            }
            for (const char k : info.kept) {
                chars_[w] = k;
                source_[w++] = index;
            }
        }
        offsets_[count] = static_cast<std::uint32_t>(length);
        offsets_.resize(count + 1);
        chars_.resize(w);
        source_.resize(w);
        return true;
    }

    const std::string& chars() const { return chars_; }
    std::size_t source(std::size_t k) const { return source_[k]; }
    std::size_t size() const { return offsets_.size() - 1; }  // code points
    const std::vector<std::uint32_t>& offsets() const { return offsets_; }

    // Whether skeleton byte k is the first one a code point left there.
    bool starts_char(std::size_t k) const { return k == 0 || source_[k - 1] != source_[k]; }
    bool ends_char(std::size_t k) const {
        return k + 1 >= source_.size() || source_[k + 1] != source_[k];
    }

    Traits traits(std::size_t cp) const { return info(cp).first; }

    // Whether a token may start at code point cp: not when it continues a run of letters
    // and digits, which neither the word break rules nor the analyzer split. Behind a silent
    // character (an apostrophe: "lʼIA", "'tis") the token may start anyway, before or after it.
    bool may_start(std::size_t cp) const {
        if (!traits(cp).joining) return true;
        for (std::size_t j = cp; j > 0; --j) {
            const Traits before = traits(j - 1);
            if (before.transparent) continue;
            return before.silent || !(before.word && before.joining);
        }
        return true;
    }

    // Whether a token may end after code point cp (or after the silent characters following).
    bool may_end(std::size_t cp) const {
        if (!traits(cp).joining) return true;
        for (std::size_t j = cp + 1; j < size(); ++j) {
            const Traits after = traits(j);
            if (after.transparent) continue;
            return after.silent || !(after.word && after.joining);
        }
        return true;
    }

    // The token starting at code point `first` when it surely is a word alone: letters and
    // digits whose index forms are all kept, with nothing before or after that the word
    // break rules or the analyzer could join to it (white space not after a hyphen,
    // punctuation that never joins, a comma or full stop before white space). Its term is
    // then the kept characters. `last` is where it ends; an empty term means no token (the
    // analyzer drops words longer than it indexes).
    struct Word {
        std::size_t last = 0;
        std::string term;
    };
    std::optional<Word> plain_word(std::size_t first) const {
        const std::size_t start = offsets_[first];
        if (first > 0 && !traits(first - 1).apart && !after_clean_blank(text_, start))
            return std::nullopt;
        Word word;
        std::size_t j = first;
        for (; j < size(); ++j) {
            const auto [t, kept] = info(j);
            if (!t.whole) break;
            if (kept.empty()) {
                const auto b = static_cast<unsigned char>(text_[offsets_[j]]);
                word.term += static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
            } else {
                word.term += kept;
            }
        }
        if (j == first) return std::nullopt;
        if (j < size()) {
            const auto b = static_cast<unsigned char>(text_[offsets_[j]]);
            const bool blank_next = j + 1 >= size() || is_blank(text_[offsets_[j + 1]]);
            const bool ends =
                is_blank(static_cast<char>(b)) || traits(j).apart ||
                (std::string_view(",.;:").find(static_cast<char>(b)) != std::string_view::npos &&
                 blank_next);
            if (!ends) return std::nullopt;
        }
        word.last = j;
        if (word.term.size() > kMaxTermBytes) word.term.clear();
        return word;
    }

  private:
    // Traits and kept characters of a code point (ASCII keeps its kept form implicit).
    std::pair<Traits, std::string_view> info(std::size_t cp) const {
        const auto b = static_cast<unsigned char>(text_[offsets_[cp]]);
        if (b < 0x80) return {ascii_traits(b), {}};
        const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
        std::size_t i = offsets_[cp];
        UChar32 c = 0;
        U8_NEXT(s, i, text_.size(), c);
        const CharInfo& ci = char_info(c, analyzer_);
        return {ci.traits, ci.kept};
    }

    std::string_view text_;
    const Analyzer& analyzer_;
    std::vector<std::uint32_t> offsets_;  // where each code point starts, then the size
    std::string chars_;                   // the kept characters
    std::vector<std::uint32_t> source_;   // per byte of chars_: its code point
};

// Past this many plain terms (a wildcard's words), the scan looks for their beginnings.
constexpr std::size_t kWholeNeedles = 24;
constexpr std::size_t kPrefixChars = 2;

std::string prefix_of(std::string_view kept) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(kept.data());
    std::size_t i = 0;
    for (std::size_t n = 0; n < kPrefixChars && i < kept.size(); ++n) U8_FWD_1(s, i, kept.size());
    return std::string(kept.substr(0, i));
}
}  // namespace
}  // namespace highlight

using namespace highlight;

Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const HighlightTerms& query,
                     std::size_t max_chars) {
    if (text.empty() || max_chars == 0) return {};
    // What to look for: the plain terms whole (or, when they are many, their beginnings),
    // and the first letter of each stem, which its words share.
    const bool whole_terms = query.words.size() <= kWholeNeedles;
    std::vector<std::string> needles;
    std::vector<bool> bounded;  // the needle is a whole term: a token must end with it
    for (const auto& term : query.words) {
        if (term.empty()) continue;
        const std::string kept = kept_of(term);
        if (kept.empty()) return make_snippet_analysed(text, analyzer, query, max_chars);
        needles.push_back(whole_terms ? kept : prefix_of(kept));
        bounded.push_back(whole_terms);
    }
    for (const auto& stem : query.stems) {
        const std::string_view first = first_char(stem);
        if (first.empty()) return make_snippet_analysed(text, analyzer, query, max_chars);
        const std::string kept = kept_of(first);
        if (kept.empty()) return make_snippet_analysed(text, analyzer, query, max_chars);
        needles.push_back(kept);
        bounded.push_back(false);
    }

    Skeleton skeleton(text, analyzer);
    if (!skeleton.build()) return make_snippet_analysed(text, analyzer, query, max_chars);
    const std::string& chars = skeleton.chars();
    TextModel cps(text, analyzer, skeleton.offsets());

    KeyIds keys;
    std::vector<Match> matches;
    struct Plain {
        Span span;
        std::size_t key;
    };
    std::vector<Plain> plain;
    std::vector<bool> seen(skeleton.size(), false);
    // A token may start at code point `first`: a plain word is settled here, anything else
    // by the analyzer, around that place only.
    const auto consider = [&](std::size_t first) {
        if (seen[first]) return;
        seen[first] = true;
        if (const auto word = skeleton.plain_word(first)) {
            if (word->term.empty()) return;
            const bool stop = analyzer.is_stop_word(word->term);
            if (const auto key = key_of(word->term, stop, query, analyzer))
                plain.push_back({{first, word->last}, keys.id(*key)});
            return;
        }
        cps.analyse(cps.byte(first), cps.byte_end(first),
                    [&](const Token& token, const Span& span) {
                        if (const auto key = key_of(token.term, token.stop, query, analyzer))
                            matches.push_back({span.first, span.second, keys.id(*key)});
                    });
    };
    for (std::size_t n = 0; n < needles.size(); ++n) {
        const std::string& needle = needles[n];
        bool done = false;  // by an earlier needle, looking as widely
        for (std::size_t m = 0; m < n; ++m)
            done = done || (needles[m] == needle && (!bounded[m] || bounded[n]));
        if (done) continue;
        for (std::size_t k = chars.find(needle); k != std::string::npos;
             k = chars.find(needle, k + 1)) {
            const std::size_t e = k + needle.size() - 1;
            const std::size_t first = skeleton.source(k);
            if (!skeleton.starts_char(k) || !skeleton.may_start(first)) continue;
            if (bounded[n] && (!skeleton.ends_char(e) || !skeleton.may_end(skeleton.source(e))))
                continue;
            consider(first);
        }
    }
    // A plain word inside a place the analyzer went through is already there.
    for (const Plain& p : plain) {
        if (!cps.analysed(cps.byte(p.span.first)))
            matches.push_back({p.span.first, p.span.second, p.key});
    }
    return cut_passage(text, cps, std::move(matches), keys.distinct(), max_chars);
}

}  // namespace revue
