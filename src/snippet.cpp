#include "revue/snippet.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace revue {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kReplacement = "\uFFFD";

// Where a passage may be cut: at white space, but not at a no-break space ("20 %",
// "« Mistral »" keep their glue). Control characters count as space so that the snippet
// comes out as one clean line.
bool separates_words(UChar32 c) {
    if (c < 0) return false;  // an ill-formed byte stays in its word (as U+FFFD)
    if (u_charType(c) == U_CONTROL_CHAR) return true;
    return u_isUWhiteSpace(c) && u_getIntPropertyValue(c, UCHAR_LINE_BREAK) != U_LB_GLUE;
}

using Span = std::pair<std::size_t, std::size_t>;  // [first, last) code point indexes

// The text seen as code points, because max_chars counts characters, not bytes.
class CodePoints {
  public:
    explicit CodePoints(std::string_view text) {
        const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
        const std::size_t length = text.size();
        offsets_.reserve(length + 1);
        space_.reserve(length);
        valid_.reserve(length);
        std::size_t i = 0;
        while (i < length) {
            offsets_.push_back(i);
            UChar32 c = 0;
            U8_NEXT(s, i, length, c);
            space_.push_back(separates_words(c));
            valid_.push_back(c >= 0);
        }
        offsets_.push_back(length);
    }

    std::size_t size() const { return space_.size(); }
    std::size_t byte(std::size_t index) const { return offsets_[index]; }
    std::size_t byte_end(std::size_t index) const { return offsets_[index + 1]; }
    bool space(std::size_t index) const { return space_[index]; }
    bool valid(std::size_t index) const { return valid_[index]; }

    // The code point starting at (or, for a misaligned offset, after) a byte offset.
    std::size_t index_of(std::size_t byte) const {
        return static_cast<std::size_t>(std::lower_bound(offsets_.begin(), offsets_.end(), byte) -
                                        offsets_.begin());
    }

    // Marks the stretches between spaces that hold a word: a passage should not open on
    // "»," or close on a lone dash.
    void set_words(const std::vector<Span>& words) {
        std::vector<bool> in_word(size(), false);
        for (const auto& [first, last] : words) {
            for (std::size_t i = first; i < last && i < size(); ++i) in_word[i] = true;
        }
        worded_.assign(size(), false);
        for (std::size_t begin = 0; begin < size();) {
            if (space_[begin]) {
                ++begin;
                continue;
            }
            std::size_t end = begin;
            bool worded = false;
            for (; end < size() && !space_[end]; ++end) worded = worded || in_word[end];
            for (std::size_t i = begin; i < end; ++i) worded_[i] = worded;
            begin = end;
        }
    }

    bool word_starts_at(std::size_t index) const {
        return index < size() && worded_[index] && (index == 0 || space_[index - 1]);
    }
    bool word_ends_at(std::size_t index) const {
        return index > 0 && worded_[index - 1] && (index == size() || space_[index]);
    }

  private:
    std::vector<std::size_t> offsets_;  // one per code point, plus the text's size
    std::vector<bool> space_;
    std::vector<bool> valid_;
    std::vector<bool> worded_;  // per code point: its stretch between spaces holds a word
};

struct Match {
    std::size_t first = 0;  // code point indexes, [first, last)
    std::size_t last = 0;
    std::size_t key = 0;  // which query word it stands for
};

using UTextPtr = std::unique_ptr<UText, decltype(&utext_close)>;

// Building a sentence iterator loads its rules (most of a snippet's cost), so each thread
// keeps one per language and only points it at new text.
icu::BreakIterator& sentence_iterator(Language lang) {
    thread_local std::unique_ptr<icu::BreakIterator> cached[2];
    std::unique_ptr<icu::BreakIterator>& iterator = cached[lang == Language::english ? 1 : 0];
    if (!iterator) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale =
            lang == Language::english ? icu::Locale::getEnglish() : icu::Locale::getFrench();
        iterator.reset(icu::BreakIterator::createSentenceInstance(locale, status));
        if (U_FAILURE(status)) {
            iterator.reset();
            throw std::runtime_error(std::string("ICU sentence break iterator: ") +
                                     u_errorName(status));
        }
    }
    return *iterator;
}

// The start of the sentence (or paragraph) holding the code point at byte `byte`.
std::size_t sentence_start(std::string_view text, std::size_t byte, Language lang) {
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        return byte;  // BreakIterator offsets are 32-bit; such a text gets no sentence alignment
    }
    UErrorCode status = U_ZERO_ERROR;
    // UTF-8 UText: the iterator's native offsets are byte offsets, no conversion needed.
    const UTextPtr utext(
        utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status),
        &utext_close);
    icu::BreakIterator& sentences = sentence_iterator(lang);
    // The iterator keeps a shallow clone of utext; it is only used again after the next
    // setText, so the text may go away after this call.
    sentences.setText(utext.get(), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU sentence break iterator: ") +
                                 u_errorName(status));
    }
    const auto offset = static_cast<std::int32_t>(byte);
    if (sentences.isBoundary(offset)) return byte;
    const std::int32_t before = sentences.preceding(offset);
    return before == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(before);
}

// The query word a token stands for, or nothing. Inflections of one stem share a key, so
// "modèle" and "modèles" count once when windows compare how many words they hold.
class MatchKeys {
  public:
    MatchKeys(const MatchTerms& query, const Analyzer& analyzer)
        : query_(query), analyzer_(analyzer) {}

    std::optional<std::size_t> key(const Token& token) {
        if (token.term.empty()) return std::nullopt;
        if (!token.stop && !query_.stems.empty()) {
            auto [it, added] = stems_.try_emplace(token.term);
            if (added) it->second = analyzer_.stem(token.term);
            if (query_.stems.count(it->second) > 0) return id("Z" + it->second);
        }
        if (query_.terms.count(token.term) > 0) return id(token.term);
        return std::nullopt;
    }

    std::size_t distinct() const { return ids_.size(); }

  private:
    std::size_t id(const std::string& key) {
        return ids_.try_emplace(key, ids_.size()).first->second;
    }

    const MatchTerms& query_;
    const Analyzer& analyzer_;
    std::unordered_map<std::string, std::string> stems_;  // a text repeats its words
    std::unordered_map<std::string, std::size_t> ids_;
};

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

}  // namespace

bool MatchTerms::matches(const Token& token, const Analyzer& analyzer) const {
    if (terms.count(token.term) > 0) return true;
    return !token.stop && !stems.empty() && stems.count(analyzer.stem(token.term)) > 0;
}

Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const MatchTerms& query,
                     std::size_t max_chars) {
    if (text.empty() || max_chars == 0) return {};
    CodePoints cps(text);
    const std::size_t n = cps.size();

    // The visible text, without the white space around it.
    std::size_t lo = 0;
    while (lo < n && cps.space(lo)) ++lo;
    if (lo == n) return {};
    std::size_t hi = n;
    while (cps.space(hi - 1)) --hi;

    std::vector<Span> words;
    MatchKeys keys(query, analyzer);
    std::vector<Match> matches;
    for (const Token& token : analyzer.tokens(text)) {
        const Span span{cps.index_of(token.start), cps.index_of(token.end)};
        if (span.first >= span.second) continue;
        words.push_back(span);
        if (const auto key = keys.key(token)) matches.push_back({span.first, span.second, *key});
    }
    cps.set_words(words);
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });

    // Word boundaries to cut at; a run of letters longer than the window falls back to
    // token edges (inside "l’intelligence", say) and, failing that, to a code point edge.
    const auto token_edge = [&](std::size_t from, std::size_t to, bool want_start) {
        std::optional<std::size_t> best;
        for (const auto& [first, last] : words) {
            const std::size_t at = want_start ? first : last;
            if (at < from || at > to) continue;
            if (!best || (want_start ? at < *best : at > *best)) best = at;
        }
        return best;
    };
    const auto snap_start = [&](std::size_t at, std::size_t limit) {
        for (std::size_t i = at; i <= limit; ++i) {
            if (cps.word_starts_at(i)) return i;
        }
        return token_edge(at, limit, true).value_or(at);
    };
    const auto snap_end = [&](std::size_t at, std::size_t limit) {
        for (std::size_t i = at + 1; i-- > limit;) {
            if (cps.word_ends_at(i)) return i;
        }
        return token_edge(limit, at, false).value_or(at);
    };

    const std::size_t width = max_chars;
    std::size_t start = lo;
    std::size_t end = hi;
    if (hi - lo <= width) {
        // The whole text fits.
    } else if (matches.empty()) {
        end = snap_end(lo + width, lo);
    } else {
        const auto [first, last] = best_run(matches, keys.distinct(), width);
        const std::size_t a = matches[first].first;
        std::size_t b = a;
        for (std::size_t k = first; k < last; ++k) b = std::max(b, matches[k].last);
        if (b - a >= width) {
            start = a;
            end = b;
        } else {
            const std::size_t sentence =
                std::max(lo, cps.index_of(sentence_start(text, cps.byte(a), analyzer.language())));
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

}  // namespace revue
