#include "revue/app/answer.hpp"

#include <chrono>

namespace revue {

Answer answer_query(const Searcher& searcher, const SearchRequest& request, bool count) {
    const auto started = std::chrono::steady_clock::now();
    Answer answer;
    if (count) {
        answer.count = searcher.count(request);
    } else {
        answer.result = searcher.search(request);
    }
    answer.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return answer;
}

Summary summary_of(const SearchResult& result, double elapsed_ms) {
    Summary summary;
    summary.total = result.total;
    summary.elapsed_ms = elapsed_ms;
    summary.suggestion = result.suggestion;
    for (const auto& [facet, counts] : result.facets) {
        FacetCounts f;
        f.facet = std::string(facet_name(facet));
        for (const auto& c : counts) f.counts.emplace_back(c.value, c.count);
        summary.facets.push_back(std::move(f));
    }
    return summary;
}

bool print_answer(const SearchConfig& config, Printer& printer, const Answer& answer,
                  std::ostream& out, std::ostream& err) {
    if (config.count) {
        out << answer.count << '\n';
        return answer.count > 0;
    }
    const auto& result = answer.result;
    for (const auto& hit : result.hits) printer.hit(hit);
    if (config.summary || !config.request.facets.empty())
        printer.summary(summary_of(result, answer.elapsed_ms));
    if (!result.suggestion.empty() && config.format == OutputFormat::text) {
        err << "revue: did you mean: " << result.suggestion << "?\n";
    }
    return result.total > 0;
}

}  // namespace revue
