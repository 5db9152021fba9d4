// The record every stage passes along: one article of a clippings file, as a reader makes it,
// the index stores it and `revue show` prints it; and its one list of fields.
#pragma once

#include <string>
#include <string_view>
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

// Calls visit(name, field) for every field of the clipping, in the order records list them:
// path, article, source, title, deck, author, date, lang, country, tags, body, caption. The
// stored form, its reader and the JSON of `show` all walk this one list.
template <class C, class Visit>
void for_each_field(C& c, Visit&& visit) {
    visit(std::string_view("path"), c.path);
    visit(std::string_view("article"), c.article);
    visit(std::string_view("source"), c.source);
    visit(std::string_view("title"), c.title);
    visit(std::string_view("deck"), c.deck);
    visit(std::string_view("author"), c.author);
    visit(std::string_view("date"), c.date);
    visit(std::string_view("lang"), c.lang);
    visit(std::string_view("country"), c.country);
    visit(std::string_view("tags"), c.tags);
    visit(std::string_view("body"), c.body);
    visit(std::string_view("caption"), c.caption);
}

}  // namespace revue
