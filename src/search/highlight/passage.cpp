#include "revue/search/highlight/passage.hpp"

#include <algorithm>
#include <utility>

#include "revue/search/highlight/sentences.hpp"

namespace revue::highlight {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kReplacement = "\uFFFD";

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

}  // namespace revue::highlight
