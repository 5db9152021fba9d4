// Checks output/clipping_printer.hpp: what `revue show` prints of clippings and `revue stats`.
#include "revue/output/clipping_printer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "hits.hpp"
#include "support.hpp"

using revue::Clipping;
using revue::ClippingFormat;
using revue::testing::full_hit;
using revue::testing::lines_of;

namespace {

// Every field known: the printers' full hit, with the fields a hit leaves out.
Clipping full_clipping() {
    Clipping c = full_hit().clipping;
    c.article = 3;
    c.deck = "Le chapeau.";
    c.country = "France";
    c.body = "Le corps.\n\nSuite.";
    c.caption = "La légende.";
    return c;
}

// Only a path that needs escaping, and a body.
Clipping bare_clipping() {
    Clipping c;
    c.path = "/corpus/two\nlines\x1b.txt";
    c.body = "B.";
    return c;
}

std::string printed(const std::vector<Clipping>& clippings, ClippingFormat format) {
    std::ostringstream out;
    revue::print_clippings(out, clippings, format);
    return out.str();
}

}  // namespace

TEST_CASE("show as text: the known fields, the body, the captions, --- between", "[show]") {
    const std::string expected =
        "path: /corpus/challenges.txt\n"
        "article: 3\n"
        "source: Challenges\n"
        "title: Vents porteurs pour le français Mistral\n"
        "deck: Le chapeau.\n"
        "author: G. F.\n"
        "date: 2024-02-29\n"
        "lang: fr\n"
        "country: France\n"
        "tags: ia, cloud\n"
        "\n"
        "Le corps.\n\nSuite.\n"
        "\n"
        "caption: La légende.\n"
        "\n---\n\n"
        "path: /corpus/two\\nlines\\x1B.txt\n"  // the path escaped, on one line
        "article: 1\n"
        "\n"
        "B.\n";
    CHECK(printed({full_clipping(), bare_clipping()}, ClippingFormat::text) == expected);
    CHECK(printed({bare_clipping()}, ClippingFormat::text) ==
          "path: /corpus/two\\nlines\\x1B.txt\narticle: 1\n\nB.\n");
    CHECK(printed({}, ClippingFormat::text).empty());
}

TEST_CASE("show as json: one clipping object a line, every field", "[show]") {
    const std::string out = printed({full_clipping(), bare_clipping()}, ClippingFormat::json);
    const std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    const auto expected = nlohmann::json::parse(R"({"type": "clipping",
        "path": "/corpus/challenges.txt", "article": 3, "source": "Challenges",
        "title": "Vents porteurs pour le français Mistral", "deck": "Le chapeau.",
        "author": "G. F.", "date": "2024-02-29", "lang": "fr", "country": "France",
        "tags": ["ia", "cloud"], "body": "Le corps.\n\nSuite.", "caption": "La légende."})");
    CHECK(nlohmann::json::parse(lines[0]) == expected);  // the type and the twelve fields

    const auto bare = nlohmann::json::parse(lines[1]);
    CHECK(bare["type"] == "clipping");
    CHECK(bare["date"].is_null());  // unknown
    CHECK(bare["path"] == "/corpus/two\nlines\x1b.txt");
    CHECK(bare["title"] == "");
    CHECK(bare["tags"] == nlohmann::json::array());
}

TEST_CASE("show as json survives bytes that are not UTF-8", "[show]") {
    Clipping c = bare_clipping();
    c.path = "/corpus/caf\xe9.txt";
    const std::string out = printed({c}, ClippingFormat::json);
    CHECK(revue::testing::valid_utf8(out));
    CHECK(nlohmann::json::parse(out)["path"] == "/corpus/caf\uFFFD.txt");
}

TEST_CASE("stats: the index, its counts and size, one line per folder", "[stats]") {
    revue::IndexStats stats;
    stats.clippings = 12;
    stats.terms = 345;
    stats.bytes = 6789;
    stats.folders = {"/clips/a", "/clips/b\tc"};
    std::ostringstream out;
    revue::print_stats(out, "/clips/.revue\n", stats);
    CHECK(out.str() ==
          "index:     /clips/.revue\\n\n"
          "clippings: 12\n"
          "terms:     345\n"
          "size:      6789 bytes\n"
          "folder:    /clips/a\n"
          "folder:    /clips/b\\tc\n");

    std::ostringstream empty;
    revue::print_stats(empty, "/i", revue::IndexStats{});
    CHECK(empty.str() == "index:     /i\nclippings: 0\nterms:     0\nsize:      0 bytes\n");
}
