// Checks readers/html/html_reader.hpp: articles of press exports and pages, fragments, charsets.
#include <catch2/catch.hpp>

#include <string>

#include "fields.hpp"
#include "revue/readers/html/html_reader.hpp"
#include "support.hpp"

using namespace revue;
using namespace revue::testing;

namespace {

const std::string kEnglish =
    "<p>Puffins have returned to the Farne Islands off the Northumberland coast, where rangers "
    "counted the first burrows of the season this week.</p>";

}  // namespace

TEST_CASE("read_html splits a press export into its articles", "[html_reader]") {
    const auto clippings = read_html(fixture("formats/export_europresse.html"));
    REQUIRE(clippings.size() == 3);

    const auto& a = clippings[0];
    CHECK(fields(a) ==
          "source: Le Monde\ntitle: Les vignerons du Jura face au gel\nauthor: Sophie Martin\n"
          "date: 2024-02-29\nlang: fr\nbody: À Arbois, les vignerons allument des bougies entre "
          "les rangs de savagnin pour protéger les bourgeons.\n\nLa nuit de mardi, le thermomètre "
          "est descendu à moins quatre degrés\u00a0; les pertes restent à évaluer.\n");

    const auto& b = clippings[1];
    CHECK(b.source == "Libération");
    CHECK(b.title == "Grenoble agrandit sa flotte de vélos cargos");
    CHECK(b.author == "Julien Roux");  // from the "Par Julien Roux" paragraph
    CHECK(b.date == "2024-03-01");
    CHECK(contains(b.body, "triporteurs"));
    CHECK(contains(b.body, "testeront dès avril"));  // entity decoded
    CHECK_FALSE(contains(b.body, "Par Julien"));

    const auto& c = clippings[2];
    CHECK(c.source == "Ouest-France");  // the short line before the title
    CHECK(c.title == "Les macareux reviennent aux Sept-Îles");
    CHECK(c.author == "Anne Le Goff");
    CHECK(c.date == "2024-03-02");
    CHECK(c.caption == "Un macareux sur l'île Rouzic.");
    CHECK_FALSE(contains(c.body, "samedi"));
    CHECK_FALSE(contains(c.body, "Rouzic.\n"));

    for (const auto& clipping : clippings) {
        for (const char* hidden :
             {"scriptmotcache", "navmotcache", "stylemotcache", "Europresse"}) {
            CHECK_FALSE(contains(clipping.body, hidden));
            CHECK_FALSE(contains(clipping.title, hidden));
        }
        CHECK_FALSE(contains(a.body, "vélos"));  // articles do not bleed into each other
    }
}

TEST_CASE("read_html reads a page without article blocks as one article", "[html_reader]") {
    const auto clippings = read_html(fixture("formats/page.html"));
    REQUIRE(clippings.size() == 1);
    const auto& c = clippings[0];
    CHECK(c.title == "La recette du kouign-amann de Douarnenez");
    CHECK(c.lang == "fr");
    CHECK(c.body ==
          "Le kouign-amann est né à Douarnenez vers 1860, d'une pâte à pain feuilletée de beurre "
          "et de sucre.\n\nIl faut replier la pâte trois fois & la laisser reposer au frais entre "
          "chaque tour.");
    CHECK(c.source.empty());
    CHECK(c.date.empty());
}

TEST_CASE("read_html structure detection", "[html_reader]") {
    SECTION("div blocks classed as documents, inside a list") {
        const auto clippings = read_html(
            "<html><body><div class='results'>"
            "<div class='doc'><h3>Premier</h3><p class='source'>Le Point</p><p>Texte un.</p></div>"
            "<div class='doc'><div class='doc-title'>Second</div><p>Texte deux.</p>"
            "<div class='docOcurrContainer'><p>Suite deux.</p></div></div>"
            "</div></body></html>");
        REQUIRE(clippings.size() == 2);
        CHECK(clippings[0].title == "Premier");
        CHECK(clippings[0].source == "Le Point");
        CHECK(clippings[0].body == "Texte un.");
        CHECK(clippings[1].title == "Second");
        CHECK(clippings[1].body == "Texte deux.\n\nSuite deux.");
    }
    SECTION("a list element holding articles is not an article itself") {
        const auto clippings = read_html(
            "<article><article><h2>Un</h2><p>a</p></article>"
            "<article><h2>Deux</h2><p>b</p></article></article>");
        REQUIRE(clippings.size() == 2);
        CHECK(clippings[1].title == "Deux");
    }
    SECTION("roles from class names, time elements and subheadings") {
        const auto clippings = read_html(
            "<article><p>Le Figaro</p><p class='surtitre'>Économie</p><h1>Le titre</h1>"
            "<p class='chapo'>Le chapeau.</p><span class='byline'>Par Léa Durand</span>"
            "<time datetime='2024-03-05T08:00:00+01:00'>hier</time>"
            "<p>Premier paragraphe.</p><h2>Intertitre</h2><p>Second paragraphe.</p>"
            "<figure><figcaption>Légende.</figcaption></figure>"
            "<div class='legende'>Légende.</div></article>");
        REQUIRE(clippings.size() == 1);
        CHECK(fields(clippings[0]) ==
              "source: Le Figaro\ntitle: Le titre\ndeck: Le chapeau.\nauthor: Léa Durand\n"
              "date: 2024-03-05\nbody: Économie\n\nPremier paragraphe.\n\nIntertitre\n\nSecond "
              "paragraphe.\ncaption: Légende.\n");
    }
    SECTION("a sentence starting with Par is not a byline") {
        const auto c = read_html("<article><h1>T</h1><p>Par ailleurs, rien.</p></article>")[0];
        CHECK(c.author.empty());
        CHECK(c.body == "Par ailleurs, rien.");
    }
    SECTION("an export article's language is detected, the page's lang is the fallback") {
        const auto clippings =
            read_html("<html lang='fr'><body><article><h1>Puffins</h1>" + kEnglish +
                      "</article><article><h1>Court</h1><p>Bref.</p></article>"
                      "<article lang='de'><h1>Kurz</h1></article></body></html>");
        REQUIRE(clippings.size() == 3);
        CHECK(clippings[0].lang == "en");
        CHECK(clippings[1].lang == "fr");
        CHECK(clippings[2].lang == "de");
    }
    SECTION("a single page: <title> first, then the first heading; lang of <html>") {
        auto c = read_html(
            "<html "
            "lang='en-GB'><head><title>Page</title></head><body><h1>Titre</h1><p>x</p></body></"
            "html>")[0];
        CHECK(c.title == "Page");
        CHECK(c.body == "Titre\n\nx");
        CHECK(c.lang == "en");
        c = read_html("<body><h1>Titre</h1><p>x</p></body>")[0];
        CHECK(c.title == "Titre");
        CHECK(c.body == "x");
        CHECK(c.lang.empty());
    }
    SECTION("a page with no visible text has no article") {
        CHECK(
            read_html("<html><head><title></title><script>x()</script></head><body> </body></html>")
                .empty());
    }
}

TEST_CASE("html_fragment_text", "[html_reader]") {
    CHECK(html_fragment_text("a <b>b</b>&nbsp;&amp; <script>no()</script>c") == "a b\u00a0& c");
    CHECK(html_fragment_text("<p>un</p><p>deux<br>trois</p>") == "un\ndeux\ntrois");
    // Control characters written as references are not text (gumbo itself turns raw ones into
    // U+FFFD).
    CHECK(html_fragment_text("rouge &#27;[31mvif&#x7F; fin") == "rouge [31mvif fin");
}

TEST_CASE("html_declared_charset", "[html_reader]") {
    const auto [html, charset] = GENERATE(table<std::string, std::string>({
        {"<html><head><meta charset=\"windows-1252\"></head>", "windows-1252"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">",
         "ISO-8859-15"},
        {"<html><head><title>caf\xE9</title></head><body>\xE9t\xE9</body></html>", ""},
    }));
    CAPTURE(html);
    CHECK(html_declared_charset(html) == charset);
}

TEST_CASE("looks_like_html", "[html_reader]") {
    const auto [text, html] = GENERATE(table<std::string, bool>({
        {"<!DOCTYPE html><html>", true},
        {"  \n<!doctype HTML>", true},
        {"<html lang=\"fr\">", true},
        {"<HTML>", true},
        {"<htmlx>", false},
        {"Les Echos\n<html>", false},
        {"", false},
    }));
    CAPTURE(text);
    CHECK(looks_like_html(text) == html);
}
