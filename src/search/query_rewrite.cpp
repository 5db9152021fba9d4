#include "revue/search/query_rewrite.hpp"

#include <algorithm>

#include "revue/search/query_fields.hpp"

namespace revue {

bool is_query_syntax(char c) {
    switch (c) {
        case '"':
        case '(':
        case ')':
        case '+':
        case '-':
        case '*':
        case ':':
        case '/':
        case ' ':
        case '\t':
        case '\n':
            return true;
        default:
            return false;
    }
}

std::string rewrite_query(std::string_view text, const Analyzer& analyzer) {
    std::string out;
    std::size_t done = 0;
    const auto copy_gap = [&](std::size_t until) {
        for (; done < until; ++done) out += is_query_syntax(text[done]) ? text[done] : ' ';
    };
    for (const auto& token : analyzer.tokens(text)) {
        if (token.extra || token.start < done) continue;
        copy_gap(token.start);
        const std::string_view word = text.substr(token.start, token.end - token.start);
        // The index gives stop words no position (see document_builder.cpp), so a phrase
        // matches without them: "le meilleur des mondes" is the phrase meilleur mondes.
        if (token.stop && std::count(text.begin(), text.begin() + token.start, '"') % 2 == 1) {
            done = token.end;
            continue;
        }
        // A date range (date:2024-02..2024-03) is the range processor's, byte for byte; a
        // single date (date:2024-02) is the range from it to itself.
        if (token.term == kDateField && text.substr(token.end, 1) == ":") {
            done = std::min(text.find_first_of(" \t\n)", token.end), text.size());
            const std::string_view value = text.substr(token.end + 1, done - token.end - 1);
            out += "date:";
            out += value;
            if (!value.empty() && value.find("..") == std::string_view::npos) {
                out += "..";
                out += value;
            }
            continue;
        }
        std::string replacement = token.term;
        for (const auto op : kOperators)
            if (word == op) replacement = std::string(op);
        for (const auto& [french, op] : kFrenchOperators)
            if (word == french) replacement = std::string(op);
        out += replacement;
        done = token.end;
    }
    copy_gap(text.size());
    return out;
}

}  // namespace revue
