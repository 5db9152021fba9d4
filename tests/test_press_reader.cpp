#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "revue/press_reader.hpp"
#include "revue/reader.hpp"

using revue::read_press_text;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the corpus sample reads as the press-reader layout", "[press_reader]") {
    const auto clippings = revue::read_clippings(
        "x.txt", read_file(std::string(REVUE_CORPUS) + "/000_f6f7f10f9c7437b1.txt"));
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

TEST_CASE("read_press_text takes a whole date line as the date", "[press_reader]") {
    const auto c = read_press_text(
        "Les Echos\n\nmardi 12 mars 2024\n\nLe titre\n\nLe chapeau.\n\n- M. L.\n\nLe corps du "
        "12 mars 2024.\n\nNewspapers in French\n\nNewspapers from France");
    CHECK(c.date == "2024-03-12");
    CHECK(c.source == "Les Echos");
    CHECK(c.title == "Le titre");
    CHECK(c.deck == "Le chapeau.");
    CHECK(c.author == "M. L.");
    CHECK(c.body == "Le corps du 12 mars 2024.");
}

TEST_CASE("read_press_text layouts", "[press_reader]") {
    SECTION("no deck: the byline is third") {
        const auto c = read_press_text("Source\n\nTitre\n\n– A. B.\n\nCorps.");
        CHECK(c.source == "Source");
        CHECK(c.title == "Titre");
        CHECK(c.deck.empty());
        CHECK(c.author == "A. B.");
        CHECK(c.body == "Corps.");
    }
    SECTION("a footer without byline still marks the layout") {
        const auto c = read_press_text(
            "The Times\n\nHeadline\n\nBody text.\n\nNewspapers in English\n\nNewspapers from "
            "United Kingdom");
        CHECK(c.source == "The Times");
        CHECK(c.title == "Headline");
        CHECK(c.lang == "en");
        CHECK(c.country == "United Kingdom");
        CHECK(c.body == "Body text.");
    }
    SECTION("plain text: the first line is the title") {
        const auto c = read_press_text("Première ligne\nsuite\n\nAutre paragraphe.");
        CHECK(c.source.empty());
        CHECK(c.title == "Première ligne");
        CHECK(c.body == "suite\n\nAutre paragraphe.");
        CHECK(c.lang.empty());
    }
    SECTION("a plain text whose first line is a date") {
        const auto c = read_press_text("29/02/2024\nTitre\n\nTexte.");
        CHECK(c.date == "2024-02-29");
        CHECK(c.title == "Titre");
    }
}
