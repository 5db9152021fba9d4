#include "revue/search/highlight/highlighter.hpp"

#include <utility>
#include <vector>

#include "revue/search/highlight/match_keys.hpp"
#include "revue/search/highlight/passage.hpp"
#include "revue/search/highlight/text_model.hpp"

namespace revue {

using namespace highlight;

Snippet make_snippet_analysed(std::string_view text, const Analyzer& analyzer,
                              const HighlightTerms& query, std::size_t max_chars) {
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

Highlighter::Highlighter(std::map<Language, HighlightTerms> terms, std::size_t max_chars)
    : terms_(std::move(terms)), max_chars_(max_chars) {}

Snippet Highlighter::snippet(const Clipping& c) const {
    // Everything but the title, which is printed apart.
    std::string text = c.deck;
    for (const auto* part : {&c.body, &c.caption}) {
        if (part->empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += *part;
    }
    const Language lang = language_from_code(c.lang);
    const auto marks = terms_.find(lang);
    return make_snippet(text, analyzer_for(lang),
                        marks != terms_.end() ? marks->second : HighlightTerms{}, max_chars_);
}

}  // namespace revue
