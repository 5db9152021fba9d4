// Checks readers/press_reader.hpp: the press-reader layout (source, title, deck, byline, footer).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "fields.hpp"
#include "revue/readers/press_reader.hpp"
#include "revue/readers/reader.hpp"
#include "support.hpp"

using revue::read_press_text;
using revue::testing::contains;
using revue::testing::fields;

TEST_CASE("the corpus sample reads as the press-reader layout", "[press_reader]") {
    const auto clippings = revue::read_clippings(
        "x.txt", revue::testing::read_bytes(std::filesystem::path(REVUE_CORPUS) /
                                            "000_f6f7f10f9c7437b1.txt"));
    REQUIRE(clippings.size() == 1);
    const auto& c = clippings[0];
    CHECK(c.path == "x.txt");
    CHECK(c.article == 1);
    CHECK(c.source == "Challenges");
    CHECK(c.title == "Vents porteurs pour le français Mistral");
    CHECK(c.deck == "Les modèles de pointe de la start-up viennent renforcer Azure de Microsoft.");
    CHECK(c.author == "G. F.");
    CHECK(c.lang == "fr");
    CHECK(c.country == "France");
    CHECK(c.date.empty());
    CHECK(c.caption ==
          "Les modèles développés par la start-up maîtrisent parfaitement le code, les "
          "mathématiques et parlent couramment le français, l’anglais, l’allemand, l’espagnol et "
          "l’italien. Codeurs de Mistral AI à Paris, le 20 février.");
    CHECK(c.body.substr(0, 46) == "Nous avons un accord avec Mistral pour que ses");
    CHECK(c.body.size() > 2000);
    CHECK(contains(c.body, "De quoi doucher les enthousiasmes."));
    CHECK_FALSE(contains(c.body, "??"));
    CHECK_FALSE(contains(c.body, "Newspapers"));
    CHECK_FALSE(contains(c.body, "Codeurs de Mistral"));
    CHECK_FALSE(contains(c.body, "G. F."));
}

TEST_CASE("read_press_text reads each layout", "[press_reader]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        // a whole date line gives the date
        {"Les Echos\n\nmardi 12 mars 2024\n\nLe titre\n\nLe chapeau.\n\n- M. L.\n\nLe corps "
         "du 12 mars 2024.\n\nNewspapers in French\n\nNewspapers from France",
         "source: Les Echos\ntitle: Le titre\ndeck: Le chapeau.\nauthor: M. L.\ndate: 2024-03-12\n"
         "lang: fr\ncountry: France\nbody: Le corps du 12 mars 2024.\n"},
        // no deck: the byline is third
        {"Source\n\nTitre\n\n– A. B.\n\nCorps.",
         "source: Source\ntitle: Titre\nauthor: A. B.\nbody: Corps.\n"},
        // a footer without byline still marks the layout
        {"The Times\n\nHeadline\n\nBody text.\n\nNewspapers in English\n\nNewspapers from "
         "United Kingdom",
         "source: The Times\ntitle: Headline\nlang: en\ncountry: United Kingdom\nbody: Body "
         "text.\n"},
        // plain text: the first line is the title, lang left unknown
        {"Première ligne\nsuite\n\nAutre paragraphe.",
         "title: Première ligne\nbody: suite\n\nAutre paragraphe.\n"},
        // a plain text whose first line is a date
        {"29/02/2024\nTitre\n\nTexte.", "title: Titre\ndate: 2024-02-29\nbody: Texte.\n"},
    }));
    CAPTURE(text);
    CHECK(fields(read_press_text(text)) == expected);
}
