// Checks readers/reader.hpp: every format and encoding into clippings, and why files are skipped.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/readers/reader.hpp"
#include "support.hpp"

using Catch::Matchers::Message;
using namespace revue;
using namespace revue::testing;

namespace {

std::vector<Clipping> read_fixture(const std::string& name) {
    const std::string bytes = fixture("formats/" + name);
    REQUIRE_FALSE(bytes.empty());
    return read_clippings(fixture_path("formats/" + name), bytes);
}

}  // namespace

TEST_CASE("every fixture format reads into clippings", "[reader]") {
    struct Expected {
        std::string file;
        std::size_t articles;
        std::string title;  // of the first article
        std::string date;
        std::string lang;
        std::string body_word;
    };
    const auto e = GENERATE(values<Expected>({
        {"press.txt", 1, "La chanvrière de Landerneau séduit les architectes", "2024-03-12", "fr",
         "défibrage"},
        {"note.md", 1, "Carnet : les hyperscaleurs à Gravelines", "2024-03-01", "fr", "kubectl"},
        {"export_europresse.html", 3, "Les vignerons du Jura face au gel", "2024-02-29", "fr",
         "savagnin"},
        {"page.html", 1, "La recette du kouign-amann de Douarnenez", "", "fr", "feuilletée"},
        {"note.pdf", 1, "Note sur le parc éolien de Fécamp", "", "fr", "balisage"},
        {"cp1252.txt", 1, "La braderie de Lille", "", "fr", "c’est déjà ça"},
        {"latin9.txt", 1, "Foire aux bestiaux de Charolles", "", "fr",
         "bœuf charolais s'est vendu 6 €"},
        {"utf8_bom_crlf.txt", 1, "Le tramway de Besançon", "", "fr",
         "citadelle dès l'été prochain.\nLes rames"},
        {"utf16le.txt", 1, "Le funiculaire de Montmartre", "", "fr", "quatre-vingt-dix"},
        {"invalid_utf8.txt", 1, "Randonnée en Vanoise", "", "fr",
         "\xEF\xBF\xBD et la marmotte siffle"},
        {"2024-03-15_note.txt", 1, "Le permafrost fond sous l'Aiguille du Midi", "2024-03-15", "fr",
         "Chamonix"},
        {"l'article \"cité\" ici.txt", 1, "Les ostréiculteurs de Marennes", "", "fr",
         "Marennes-Oléron"},
    }));
    CAPTURE(e.file);
    const auto clippings = read_fixture(e.file);
    REQUIRE(clippings.size() == e.articles);
    const auto& c = clippings[0];
    CHECK(c.path == fixture_path("formats/" + e.file).string());
    CHECK(c.title == e.title);
    CHECK(c.date == e.date);
    CHECK(c.lang == e.lang);
    CHECK(contains(c.body, e.body_word));
    for (std::size_t i = 0; i < clippings.size(); ++i)
        CHECK(clippings[i].article == static_cast<int>(i + 1));
}

TEST_CASE("files with nothing to index are skipped with a reason", "[reader]") {
    const auto [name, bytes, reason] = GENERATE(table<std::string, std::string, std::string>({
        {"empty.txt", "", "empty"},
        {"blank.md", " \n\t\r\n ", "empty"},
        {"bom.txt", "\xEF\xBB\xBF \n", "empty"},
        {"nbsp.txt", "\xC2\xA0\n", "empty"},
        {"nul.txt", std::string("abc\0def", 7), "not text"},
        {"picture.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "not text"},
        {"empty.html", "<html><body><script>x()</script></body></html>", "no text"},
    }));
    CAPTURE(name);
    CHECK_THROWS_MATCHES(read_clippings(name, bytes), SkippedFile, Message(reason));
}

TEST_CASE("fixture files that are skipped", "[reader]") {
    const auto [name, reason] = GENERATE(table<std::string, std::string>({
        {"empty.txt", "empty"},
        {"junk.txt", "not text"},
        {"scan.pdf", "no text layer"},
    }));
    CAPTURE(name);
    const auto path = fixture_path("formats/" + name);
    CHECK_THROWS_MATCHES(read_clippings(path, fixture("formats/" + name)), SkippedFile,
                         Message(reason));
}

TEST_CASE("the format comes from the content as well as the name", "[reader]") {
    SECTION("HTML in a .txt file") {
        const auto clippings =
            read_clippings("export.txt",
                           "<!DOCTYPE html><html><body><article><h1>Un</h1></article>"
                           "<article><h1>Deux</h1></article></body></html>");
        REQUIRE(clippings.size() == 2);
        CHECK(clippings[1].title == "Deux");
        CHECK(clippings[1].article == 2);
    }
    SECTION("a PDF whatever its name") {
        const auto pdf = fixture("formats/note.pdf");
        CHECK(read_clippings("note.txt", pdf)[0].title == "Note sur le parc éolien de Fécamp");
    }
    SECTION("Markdown by extension, in any case") {
        CHECK(read_clippings("NOTE.MD", "# Titre\n\n*texte*")[0].body == "texte");
        CHECK(read_clippings("note.txt", "# Titre\n\n*texte*")[0].title == "# Titre");
    }
    SECTION("an 8-bit HTML page is read in the charset it declares") {
        // 0xBD is "œ" in ISO-8859-15 but "½" in windows-1252, the detector's fallback.
        const std::string page =
            "<html><head><meta charset=\"iso-8859-15\"><title>B\xBD"
            "uf</title></head></html>";
        CHECK(read_clippings("p.html", page)[0].title == "Bœuf");
    }
}

TEST_CASE("every clipping gets a language and, failing all else, the file's date", "[reader]") {
    SECTION("short text defaults to French") {
        const auto c = read_clippings("a.txt", "Short title\n\nOne line.")[0];
        CHECK(c.lang == "fr");
    }
    SECTION("long enough text is detected") {
        const auto c = read_clippings(
            "a.txt",
            "Puffins return\n\nPuffins have returned to the Farne Islands off the Northumberland "
            "coast, where rangers counted the first burrows of the season this week.")[0];
        CHECK(c.lang == "en");
    }
    SECTION("a date line beats the file name") {
        const auto c = read_clippings("2020-01-01_x.txt", "Titre\n\n1er mars 2024\n\nTexte.")[0];
        CHECK(c.date == "2024-03-01");
        CHECK(c.body == "Texte.");
    }
    SECTION("front matter beats the file name") {
        CHECK(read_clippings("2020-01-01_x.md", "---\ndate: 2024-03-01\n---\nT")[0].date ==
              "2024-03-01");
    }
}
