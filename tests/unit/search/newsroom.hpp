// The index the searcher tests ask: fifteen clippings, indexed by the Indexer, answers by hand.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "revue/index/indexer.hpp"
#include "revue/readers/reader.hpp"
#include "revue/search/searcher.hpp"
#include "temp_dir.hpp"

namespace revue::testing {

using Labels = std::vector<std::string>;
using Counts = std::vector<std::pair<std::string, Xapian::doccount>>;

// An agency dispatch of some fifty content words: its copies share the opening that the
// indexer fingerprints (forty words), and two of them add the same closing sentence.
inline const std::string kDispatch =
    "Un téléphérique urbain reliera dès l’automne prochain la gare de Grenoble au campus "
    "universitaire de Saint-Martin-d’Hères, a annoncé mardi la métropole. Les cabines, d’une "
    "capacité de dix passagers, franchiront l’Isère en moins de six minutes, avec un départ "
    "toutes les trente secondes aux heures de pointe. Le chantier, estimé à soixante millions "
    "d’euros, sera financé par l’État, la région et les collectivités locales. Les "
    "associations d’usagers saluent un projet attendu depuis quinze ans mais s’inquiètent du "
    "prix du billet, qui n’a pas encore été fixé.";
inline const std::string kTail =
    "\n\nLe maire promet une tarification sociale aux étudiants boursiers.";
// Too short to have copies: bulletins that differ only in their byline and date.
inline const std::string kBulletin = "Vent fort et neige abondante sur les Alpes samedi.";

inline std::string note(const std::string& title, const std::string& source,
                        const std::string& author, const std::string& date, const std::string& lang,
                        const std::string& body) {
    std::string front = "---\ntitle: " + title + "\nsource: " + source + "\nlang: " + lang + "\n";
    if (!author.empty()) front += "author: " + author + "\n";
    if (!date.empty()) front += "date: " + date + "\n";
    return front + "---\n\n" + body + "\n";
}

inline std::string html_bulletin(const std::string& author) {
    return "<article lang=\"fr\"><h1>Bulletin météo</h1><p class=\"source\">Le Dauphiné</p>"
           "<p class=\"author\">" +
           author + "</p><time datetime=\"2024-01-12\">12 janvier 2024</time><p>" + kBulletin +
           "</p></article>\n";
}

// Fifteen articles in fourteen files:
//   teleph-*      the dispatch in Le Monde (03-05), Libération (03-06, with the tail) and Les
//                 Echos (03-04, with the tail), by AFP, all titled alike;
//   tramway       Le Monde, 2023-12-01, Jean Martin: Grenoble, no téléphérique;
//   ft-cable-car  Financial Times, 2024-02-15, Sarah White, in English: Grenoble;
//   meteo-*       the bulletin: a 01-10, b and c 01-12, d undated, e.html two articles of
//                 01-12; each with a byline of two words, so that all weigh alike;
//   montagne-N    N times "avalanche" in eight words, dated 2024-02-0(5-N).
struct Newsroom {
    TempDir dir;
    std::filesystem::path clips = dir.path / "clips";
    std::filesystem::path db = dir.path / "index";
    Newsroom() {
        const std::string title = "Grenoble aura son téléphérique urbain";
        dir.write("clips/teleph-monde.md",
                  note(title, "Le Monde", "AFP", "2024-03-05", "fr", kDispatch));
        dir.write("clips/teleph-liberation.md",
                  note(title, "Libération", "AFP", "2024-03-06", "fr", kDispatch + kTail));
        dir.write("clips/teleph-echos.md",
                  note(title, "Les Echos", "AFP", "2024-03-04", "fr", kDispatch + kTail));
        dir.write("clips/tramway.md",
                  note("Grenoble étend son tramway", "Le Monde", "Jean Martin", "2023-12-01", "fr",
                       "La ligne E du tramway de Grenoble sera prolongée vers le nord."));
        dir.write(
            "clips/ft-cable-car.md",
            note("Grenoble builds a cable car", "Financial Times", "Sarah White", "2024-02-15",
                 "en", "The Alpine city of Grenoble will link its station to the campus."));
        const std::pair<const char*, const char*> bulletins[] = {
            {"a", "2024-01-10"}, {"b", "2024-01-12"}, {"c", "2024-01-12"}, {"d", ""}};
        const char* const bylines[] = {"Lucie Morel", "Marc Girard", "Hugo Lemaire", "Emma Roche"};
        for (int i = 0; i < 4; ++i) {
            dir.write(std::string("clips/meteo-") + bulletins[i].first + ".md",
                      note("Bulletin météo", "Le Dauphiné", bylines[i], bulletins[i].second, "fr",
                           kBulletin));
        }
        dir.write("clips/meteo-e.html", "<!DOCTYPE html>\n<html lang=\"fr\"><body>\n" +
                                            html_bulletin("Paul Roux") +
                                            html_bulletin("Anne Blanc") + "</body></html>\n");
        const char* const fillers[] = {"col",    "crête",  "glacier", "sommet",
                                       "refuge", "piolet", "corde"};
        for (int n = 1; n <= 4; ++n) {
            std::string body;
            for (int w = 0; w < 8; ++w)
                body += w < n ? "avalanche " : std::string(fillers[w - n]) + " ";
            dir.write("clips/montagne-" + std::to_string(n) + ".md",
                      note("Risque en montagne", "Le Dauphiné", "",
                           "2024-02-0" + std::to_string(5 - n), "fr", body));
        }
        Indexer indexer(db, read_clippings, 1);
        const IndexReport report = indexer.index({clips}, IndexOptions());
        REQUIRE(report.added == 14);
        REQUIRE(report.articles == 15);
    }
};

inline const Newsroom& newsroom() {
    static const Newsroom built;
    return built;
}

inline const Searcher& searcher() {
    static const Searcher s(newsroom().db);
    return s;
}

inline SearchRequest ask(const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.limit = 0;
    return r;
}

// "meteo-e.html#2": the file's name and the article's number.
inline std::string label(const Clipping& c) {
    return std::filesystem::path(c.path).filename().string() + "#" + std::to_string(c.article);
}

inline Labels labels(const SearchResult& result) {
    Labels out;
    for (const Hit& hit : result.hits) out.push_back(label(hit.clipping));
    return out;
}

inline std::vector<int> ranks(const SearchResult& result) {
    std::vector<int> out;
    for (const Hit& hit : result.hits) out.push_back(hit.rank);
    return out;
}

inline std::vector<std::pair<std::string, Xapian::doccount>> counts(const SearchResult& result,
                                                                    Facet facet) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const FacetCount& c : result.facets.at(facet)) out.emplace_back(c.value, c.count);
    return out;
}

}  // namespace revue::testing
