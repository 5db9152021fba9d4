// A text seen as code points, because a snippet's length counts characters, not bytes, with
// its tokens found by the analyzer only where they are asked for.
#pragma once

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/analysis/analyzer.hpp"
#include "revue/search/highlight/cuts.hpp"

namespace revue::highlight {

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

}  // namespace revue::highlight
