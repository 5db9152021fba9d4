// What the output tests share: hits with every field or none, and printers run over them.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "revue/core/hit.hpp"
#include "revue/output/printer.hpp"
#include "revue/output/printers.hpp"

namespace revue::testing {

// A clipping with every field a hit shows, a match on "start-up" in its snippet.
inline Hit full_hit() {
    Hit hit{1, 12.3456789, {}, {"…la start-up parisienne, tant louée…", {}}, {}};
    hit.clipping.path = "/corpus/challenges.txt";
    hit.clipping.source = "Challenges";
    hit.clipping.title = "Vents porteurs pour le français Mistral";
    hit.clipping.author = "G. F.";
    hit.clipping.date = "2024-02-29";
    hit.clipping.lang = "fr";
    hit.clipping.tags = {"ia", "cloud"};
    const std::size_t at = hit.snippet.text.find("start-up");
    hit.snippet.matches = {{at, at + 8}};
    return hit;
}

// The second article of a file whose name holds a quote, with a title holding a tab and a
// newline, and nothing else known.
inline Hit bare_hit() {
    Hit hit{2, 3.5, {}, {"Nothing matched here", {}}, {}};
    hit.clipping.path = "/corpus/say \"hi\".txt";
    hit.clipping.article = 2;
    hit.clipping.title = "Tab\there\nnewline";
    hit.clipping.lang = "en";
    return hit;
}

inline std::string print(OutputFormat format, const std::vector<Hit>& hits,
                         const PrinterOptions& options = {}) {
    std::ostringstream out;
    const auto printer = revue::make_printer(format, out, options);
    for (const Hit& hit : hits) printer->hit(hit);
    printer->finish();
    return out.str();
}

inline std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The same text printed in two more papers, one of them without a known date.
inline Hit dispatch_hit() {
    Hit hit = full_hit();
    Clipping monde;
    monde.path = "/corpus/monde.txt";
    monde.article = 2;
    monde.source = "Le Monde";
    monde.date = "2024-02-03";
    Clipping liberation;
    liberation.path = "/corpus/libe.txt";
    liberation.source = "Libération";
    Clipping unnamed;
    unnamed.path = "/corpus/no\tsource.txt";
    unnamed.date = "2024-02-04";
    hit.also_in = {monde, liberation, unnamed};
    return hit;
}

inline Summary facet_summary() {
    Summary summary;
    summary.total = 5;
    summary.elapsed_ms = 12.3456789;
    summary.facets = {{"source", {{"Le Monde", 3}, {"Les Echos", 2}}},
                      {"year", {{"2024", 12345}, {"2023", 1}}}};
    return summary;
}

// Runs a printer through a whole answer: optional batch queries, hits, summary.
struct Answer {
    std::string query;  // empty: not in batch mode
    std::vector<Hit> hits;
    std::optional<Summary> summary;
};

inline std::string print_answers(OutputFormat format, const std::vector<Answer>& answers,
                                 const PrinterOptions& options = {}) {
    std::ostringstream out;
    const auto printer = make_printer(format, out, options);
    for (const Answer& answer : answers) {
        if (!answer.query.empty()) printer->begin_query(answer.query);
        for (const Hit& hit : answer.hits) printer->hit(hit);
        if (answer.summary) printer->summary(*answer.summary);
    }
    printer->finish();
    return out.str();
}

}  // namespace revue::testing
