#include "revue/snippet.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "revue/break_rules.hpp"

namespace revue {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kReplacement = "\uFFFD";

// Where a passage may be cut: at white space, but not at a no-break space ("20 %",
// "« Mistral »" keep their glue). Control characters count as space so that the snippet
// comes out as one clean line.
bool separates_words(UChar32 c) {
    if (c < 0) return false;  // an ill-formed byte stays in its word (as U+FFFD)
    if (c < 0x80) return c <= 0x20 || c == 0x7F;  // what the rule below gives for ASCII
    if (u_charType(c) == U_CONTROL_CHAR) return true;
    return u_isUWhiteSpace(c) && u_getIntPropertyValue(c, UCHAR_LINE_BREAK) != U_LB_GLUE;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

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

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether white space ends right before `p` and no hyphen (or soft hyphen) comes before it:
// the analyzer links words across white space only after one, as a word hyphenated at a
// line end.
bool after_clean_blank(std::string_view text, std::size_t p) {
    if (p == 0 || !is_blank(text[p - 1])) return false;
    std::size_t run = p - 1;
    while (run > 0 && is_blank(text[run - 1])) --run;
    const std::string_view before = text.substr(0, run);
    return !(ends_with(before, "-") || ends_with(before, "\u2010") || ends_with(before, "\u2011") ||
             ends_with(before, "\u00AD"));
}

// A byte offset where analysing a part of the text gives the tokens the whole text gives
// there: a word start right after ASCII white space. The word break rules decide nothing
// across such a place, and the analyzer links words across white space only after a hyphen
// or a soft hyphen (a word hyphenated at a line end), so the blank run must not follow one.
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

std::size_t language_slot(const Analyzer& analyzer) {
    return analyzer.language() == Language::english ? 1 : 0;
}

// A text repeats its words, and the hits of one query share theirs: each thread keeps the
// stems it computed, per language, up to a bound.
const std::string& cached_stem(const Analyzer& analyzer, const std::string& term) {
    constexpr std::size_t kStemCacheSize = 1 << 16;
    thread_local std::array<std::unordered_map<std::string, std::string>, 2> caches;
    auto& cache = caches[language_slot(analyzer)];
    if (cache.size() >= kStemCacheSize) cache.clear();
    auto [it, added] = cache.try_emplace(term);
    if (added) it->second = analyzer.stem(term);
    return it->second;
}

// ---------------------------------------------------------------------------------------
// The text seen as code points, because max_chars counts characters, not bytes, with its
// tokens found by the analyzer only where they are asked for.

using Span = std::pair<std::size_t, std::size_t>;  // [first, last) code point indexes

class TextModel {
  public:
    // Decodes every code point; bytes that are not UTF-8 are code points of their own.
    TextModel(std::string_view text, const Analyzer& analyzer)
        : text_(text), analyzer_(analyzer), offsets_(&own_offsets_) {
        const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
        const std::size_t length = text.size();
        if (length >= std::numeric_limits<std::uint32_t>::max()) {
            throw std::length_error("text too long for a snippet");
        }
        own_offsets_.reserve(length + 1);
        std::size_t i = 0;
        while (i < length) {
            own_offsets_.push_back(static_cast<std::uint32_t>(i));
            UChar32 c = 0;
            U8_NEXT(s, i, length, c);
            if (c < 0) {
                invalid_.resize(own_offsets_.size(), false);
                invalid_.back() = true;
            }
        }
        own_offsets_.push_back(static_cast<std::uint32_t>(length));
        invalid_.resize(size(), false);
        space_.assign(size(), -1);
    }

    // Valid UTF-8 whose code points start at `offsets` (then the text's size), which must
    // outlive the model.
    TextModel(std::string_view text, const Analyzer& analyzer,
              const std::vector<std::uint32_t>& offsets)
        : text_(text), analyzer_(analyzer), offsets_(&offsets) {
        invalid_.assign(size(), false);
        space_.assign(size(), -1);
    }

    std::size_t size() const { return offsets_->size() - 1; }
    std::size_t byte(std::size_t index) const { return (*offsets_)[index]; }
    std::size_t byte_end(std::size_t index) const { return (*offsets_)[index + 1]; }
    bool valid(std::size_t index) const { return !invalid_[index]; }

    // The code point starting at (or, for a misaligned offset, after) a byte offset.
    std::size_t index_of(std::size_t byte) const {
        return static_cast<std::size_t>(std::lower_bound(offsets_->begin(), offsets_->end(), byte) -
                                        offsets_->begin());
    }

    UChar32 code_point(std::size_t index) const {
        if (invalid_[index]) return -1;
        const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
        std::size_t i = byte(index);
        UChar32 c = 0;
        U8_NEXT(s, i, text_.size(), c);
        return c;
    }

    bool space(std::size_t index) {
        signed char& known = space_[index];
        if (known < 0) known = separates_words(code_point(index)) ? 1 : 0;
        return known != 0;
    }

    // Runs the analyzer over the bytes [from, to), widened to safe cuts, skipping what it
    // already analysed; on_token sees each token found for the first time.
    template <class OnToken>
    void analyse(std::size_t from, std::size_t to, OnToken&& on_token) {
        const std::size_t p = cut_before(text_, from);
        const std::size_t q = cut_after(text_, std::max(p, to));
        if (p >= q) return;
        std::vector<std::pair<std::size_t, std::size_t>> gaps;
        std::size_t at = p;
        auto it = analysed_.upper_bound(p);
        if (it != analysed_.begin()) --it;
        for (; it != analysed_.end() && it->first < q; ++it) {
            if (it->second <= at) continue;
            if (it->first > at) gaps.emplace_back(at, it->first);
            at = std::max(at, it->second);
        }
        if (at < q) gaps.emplace_back(at, q);
        for (const auto& [begin, end] : gaps) {
            for (Token& token : analyzer_.tokens(text_.substr(begin, end - begin))) {
                token.start += begin;
                token.end += begin;
                const Span span{index_of(token.start), index_of(token.end)};
                if (span.first >= span.second) continue;
                spans_.push_back(span);
                on_token(token, span);
            }
        }
        // Record [p, q) as analysed, merged with the ranges it touches.
        std::size_t lo = p;
        std::size_t hi = q;
        auto first = analysed_.upper_bound(p);
        if (first != analysed_.begin() && std::prev(first)->second >= p) --first;
        auto last = first;
        for (; last != analysed_.end() && last->first <= q; ++last) {
            lo = std::min(lo, last->first);
            hi = std::max(hi, last->second);
        }
        analysed_.erase(first, last);
        analysed_.emplace(lo, hi);
    }

    void analyse(std::size_t from, std::size_t to) {
        analyse(from, to, [](const Token&, const Span&) {});
    }

    bool analysed(std::size_t byte) const {
        auto it = analysed_.upper_bound(byte);
        return it != analysed_.begin() && std::prev(it)->second > byte;
    }

    // Whether the stretch between spaces holding this code point holds a word: a passage
    // should not open on "»," or close on a lone dash.
    bool worded(std::size_t index) {
        if (space(index)) return false;
        std::size_t first = index;
        while (first > 0 && !space(first - 1)) --first;
        std::size_t last = index + 1;
        while (last < size() && !space(last)) ++last;
        analyse(byte(first), byte(last));
        return std::any_of(spans_.begin(), spans_.end(),
                           [&](const Span& s) { return s.first < last && s.second > first; });
    }

    bool word_starts_at(std::size_t index) {
        return index < size() && !space(index) && (index == 0 || space(index - 1)) && worded(index);
    }
    bool word_ends_at(std::size_t index) {
        return index > 0 && !space(index - 1) && (index == size() || space(index)) &&
               worded(index - 1);
    }

    // The first token start (or last token end) in [from, to].
    std::optional<std::size_t> token_edge(std::size_t from, std::size_t to, bool want_start) {
        analyse(byte(from > 0 ? from - 1 : 0), byte(std::min(to + 1, size())));
        std::optional<std::size_t> best;
        for (const auto& [first, last] : spans_) {
            const std::size_t at = want_start ? first : last;
            if (at < from || at > to) continue;
            if (!best || (want_start ? at < *best : at > *best)) best = at;
        }
        return best;
    }

  private:
    std::string_view text_;
    const Analyzer& analyzer_;
    std::vector<std::uint32_t> own_offsets_;
    const std::vector<std::uint32_t>* offsets_;    // one per code point, plus the text's size
    std::vector<bool> invalid_;                    // per code point: an ill-formed byte sequence
    std::vector<signed char> space_;               // per code point: -1 not known yet, 0, 1
    std::map<std::size_t, std::size_t> analysed_;  // byte ranges analysed, disjoint
    std::vector<Span> spans_;                      // the tokens of those ranges
};

struct Match {
    std::size_t first = 0;  // code point indexes, [first, last)
    std::size_t last = 0;
    std::size_t key = 0;  // which query word it stands for
};

// Small numbers for the query words the matches stand for.
class KeyIds {
  public:
    std::size_t id(const std::string& key) {
        return ids_.try_emplace(key, ids_.size()).first->second;
    }
    std::size_t distinct() const { return ids_.size(); }

  private:
    std::unordered_map<std::string, std::size_t> ids_;
};

// The query word a token stands for, or nothing. Inflections of one stem share a key, so
// "modèle" and "modèles" count once when windows compare how many words they hold.
std::optional<std::string> key_of(const std::string& term, bool stop, const MatchTerms& query,
                                  const Analyzer& analyzer) {
    if (term.empty()) return std::nullopt;
    if (!stop && !query.stems.empty()) {
        const std::string& stem = cached_stem(analyzer, term);
        if (query.stems.count(stem) > 0) return "Z" + stem;
    }
    if (query.terms.count(term) > 0) return term;
    return std::nullopt;
}

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

// The start of the sentence (or paragraph) holding the code point at byte `byte`, looked for
// from the safe cut `from` on: the sentence rules decide a boundary from what lies after the
// last space before it, so the boundaries after `from` are those of the whole text, and
// `from` itself is one (whether the whole text has it there or not).
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
        throw std::runtime_error(std::string("ICU sentence break iterator: ") +
                                 u_errorName(status));
    }
    const auto offset = static_cast<std::int32_t>(byte);
    if (sentences.isBoundary(offset)) return from + byte;
    const std::int32_t before = sentences.preceding(offset);
    return from + (before == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(before));
}

// The run of matches holding the most distinct query words within `width` code points;
// on a tie the earliest. Two pointers over the matches: linear in their number.
std::pair<std::size_t, std::size_t> best_run(const std::vector<Match>& matches, std::size_t keys,
                                             std::size_t width) {
    std::vector<std::size_t> counts(keys, 0);
    std::size_t distinct = 0;
    std::size_t best = 0;
    std::pair<std::size_t, std::size_t> run{0, 1};
    std::size_t j = 0;
    const auto add = [&](std::size_t k) {
        if (counts[matches[k].key]++ == 0) ++distinct;
    };
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (j == i) add(j++);  // a match wider than the window still stands alone
        while (j < matches.size() && matches[j].last - matches[i].first <= width) add(j++);
        if (distinct > best) {
            best = distinct;
            run = {i, j};
        }
        if (--counts[matches[i].key] == 0) --distinct;
    }
    return run;
}

// Cuts the passage around the best run of matches and writes it out. Both ways of finding
// the matches end here, so they give the same snippet.
Snippet cut_passage(std::string_view text, TextModel& cps, std::vector<Match> matches,
                    std::size_t keys, std::size_t width) {
    const std::size_t n = cps.size();
    // The visible text, without the white space around it.
    std::size_t lo = 0;
    while (lo < n && cps.space(lo)) ++lo;
    if (lo == n) return {};
    std::size_t hi = n;
    while (cps.space(hi - 1)) --hi;

    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });

    // Word boundaries to cut at; a run of letters longer than the window falls back to
    // token edges (inside "l’intelligence", say) and, failing that, to a code point edge.
    const auto snap_start = [&](std::size_t at, std::size_t limit) {
        for (std::size_t i = at; i <= limit; ++i) {
            if (cps.word_starts_at(i)) return i;
        }
        return cps.token_edge(at, limit, true).value_or(at);
    };
    const auto snap_end = [&](std::size_t at, std::size_t limit) {
        for (std::size_t i = at + 1; i-- > limit;) {
            if (cps.word_ends_at(i)) return i;
        }
        return cps.token_edge(limit, at, false).value_or(at);
    };

    std::size_t start = lo;
    std::size_t end = hi;
    if (hi - lo <= width) {
        // The whole text fits.
    } else if (matches.empty()) {
        end = snap_end(lo + width, lo);
    } else {
        const auto [first, last] = best_run(matches, keys, width);
        const std::size_t a = matches[first].first;
        std::size_t b = a;
        for (std::size_t k = first; k < last; ++k) b = std::max(b, matches[k].last);
        if (b - a >= width) {
            start = a;
            end = b;
        } else {
            // A sentence start before b - width is of no use: the search for it starts at a
            // safe cut before that, where it may find a start the whole text lacks, equally
            // of no use.
            const std::size_t from = b > width ? cut_before(text, cps.byte(b - width - 1)) : 0;
            const std::size_t sentence =
                std::max(lo, cps.index_of(sentence_start(text, cps.byte(a), from)));
            if (b - sentence <= width) {
                start = snap_start(sentence, a);
            } else {
                // Centre the matches, but do not leave the window half empty at the end.
                const std::size_t lead = (width - (b - a)) / 2;
                const std::size_t centred = std::min(a - std::min(a, lead), hi - width);
                start = snap_start(std::max(lo, centred), a);
            }
            end = std::min(hi, start + width);
            if (end < hi) end = snap_end(end, b);
        }
    }

    Snippet snippet;
    std::string& out = snippet.text;
    if (start > lo) out += kEllipsis;
    // Where each code point of the passage landed in the output, for the match offsets.
    std::vector<std::size_t> out_at(end - start + 1);
    bool in_space = false;
    for (std::size_t i = start; i < end; ++i) {
        out_at[i - start] = out.size();
        if (cps.space(i)) {
            if (!in_space) out += ' ';
            in_space = true;
            continue;
        }
        in_space = false;
        if (cps.valid(i)) {
            out.append(text, cps.byte(i), cps.byte_end(i) - cps.byte(i));
        } else {
            out += kReplacement;
        }
    }
    out_at[end - start] = out.size();
    if (end < hi) out += kEllipsis;

    for (const Match& m : matches) {
        if (m.first < start || m.last > end || m.first >= m.last) continue;
        const std::size_t s = out_at[m.first - start];
        const std::size_t e = out_at[m.last - start];
        // Matches are sorted by start: a joined compound ("start-up") and its parts merge.
        if (!snippet.matches.empty() && s <= snippet.matches.back().second) {
            snippet.matches.back().second = std::max(snippet.matches.back().second, e);
        } else {
            snippet.matches.emplace_back(s, e);
        }
    }
    return snippet;
}

// ---------------------------------------------------------------------------------------
// Finding the matches without analysing the whole text.

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

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC;
}

// The analyzer's rule for what stays inside a word piece.
bool is_word_char(UChar32 c) {
    if (is_apostrophe(c)) return true;
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_CF_MASK)) != 0;
}

// The hyphens the analyzer joins words with, alone or at a line end.
bool is_hyphen(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013;
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
    auto& cache = caches[language_slot(analyzer)];
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
    t.apart = !t.word && wb == U_WB_OTHER && !is_hyphen(c) && !separates_words(c);
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

    // The analyzer's bound on a term's length (its kMaxTermBytes).
    static constexpr std::size_t kMaxTermBytes = 64;

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

bool MatchTerms::matches(const Token& token, const Analyzer& analyzer) const {
    if (terms.count(token.term) > 0) return true;
    return !token.stop && !stems.empty() && stems.count(analyzer.stem(token.term)) > 0;
}

Snippet make_snippet_analysed(std::string_view text, const Analyzer& analyzer,
                              const MatchTerms& query, std::size_t max_chars) {
    if (text.empty() || max_chars == 0) return {};
    TextModel cps(text, analyzer);
    KeyIds keys;
    std::vector<Match> matches;
    cps.analyse(0, text.size(), [&](const Token& token, const Span& span) {
        if (const auto key = key_of(token.term, token.stop, query, analyzer))
            matches.push_back({span.first, span.second, keys.id(*key)});
    });
    return cut_passage(text, cps, std::move(matches), keys.distinct(), max_chars);
}

Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const MatchTerms& query,
                     std::size_t max_chars) {
    if (text.empty() || max_chars == 0) return {};
    // What to look for: the plain terms whole (or, when they are many, their beginnings),
    // and the first letter of each stem, which its words share.
    const bool whole_terms = query.terms.size() <= kWholeNeedles;
    std::vector<std::string> needles;
    std::vector<bool> bounded;  // the needle is a whole term: a token must end with it
    for (const auto& term : query.terms) {
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;  // a prefixed term
        const std::string kept = kept_of(term);
        if (kept.empty()) return make_snippet_analysed(text, analyzer, query, max_chars);
        needles.push_back(whole_terms ? kept : prefix_of(kept));
        bounded.push_back(whole_terms);
    }
    for (const auto& stem : query.stems) {
        const std::string_view first = first_char(stem);
        if (first.empty()) return make_snippet_analysed(text, analyzer, query, max_chars);
        if (stem[0] >= 'A' && stem[0] <= 'Z') continue;
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
