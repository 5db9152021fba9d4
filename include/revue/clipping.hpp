// The record every reader produces and the indexer consumes: one article of a clippings file.
#pragma once

#include <string>
#include <vector>

namespace revue {

struct Clipping {
    std::string path;    // absolute path of the file the article came from
    int article = 1;     // 1-based position of the article in its file
    std::string source;  // publication, e.g. "Challenges"
    std::string title;
    std::string deck;     // one-sentence subtitle under the title
    std::string author;   // byline without its leading dash, e.g. "G. F."
    std::string date;     // "YYYY-MM-DD", or empty when unknown
    std::string lang;     // ISO 639-1 code: "fr", "en"; empty until known
    std::string country;  // e.g. "France", from the press-reader footer
    std::string body;     // paragraphs separated by blank lines, boilerplate removed
    std::string caption;  // photo captions, each once
    std::vector<std::string> tags;
};

}  // namespace revue
