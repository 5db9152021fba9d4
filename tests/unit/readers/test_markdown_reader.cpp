// Checks readers/markdown_reader.hpp: fields from the front matter, title and date from the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fields.hpp"
#include "revue/readers/markdown_reader.hpp"
#include "support.hpp"

using revue::read_markdown;
using revue::testing::contains;
using revue::testing::fields;
using revue::testing::fixture;

TEST_CASE("read_markdown takes the fields from the front matter", "[markdown_reader]") {
    const auto c = read_markdown(fixture("formats/note.md"));
    CHECK(c.title == "Carnet : les hyperscaleurs à Gravelines");
    CHECK(c.source == "Notes de veille");
    CHECK(c.author == "Claire Vasseur");
    CHECK(c.date == "2024-03-01");
    CHECK(c.lang == "fr");
    CHECK(c.tags == std::vector<std::string>{"ia", "cloud"});
    // The heading repeating the title is not body text; the markup is gone, words stay.
    CHECK_FALSE(contains(c.body, "Carnet"));
    CHECK(contains(c.body, "Les hyperscaleurs regardent Gravelines pour ses câbles"));
    CHECK(contains(c.body, "Voir le rapport de l'Arcep et schéma du site."));
    CHECK(contains(c.body, "la consommation d'eau des datacenters"));
    CHECK(contains(c.body, "kubectl get nodes"));
    CHECK(contains(c.body, "Une note balisée & encodée."));
    for (const char* gone :
         {"cachelienarcep", "cacheimagesite", "**", "](", "```", "<span", "&amp;", "\n> ", "\n- "})
        CHECK_FALSE(contains(c.body, gone));
}

TEST_CASE("read_markdown front matter variants", "[markdown_reader]") {
    SECTION("tags as a comma string, author as a list, a date with a time") {
        const auto c = read_markdown(
            "---\ntitle: T\ntags: \"énergie, nucléaire ,\"\nauthor: [A. B., C. D.]\n"
            "date: 2024-03-01 10:00:00\nlang: en-GB\n---\nBody.\n");
        CHECK(c.tags == std::vector<std::string>{"énergie", "nucléaire"});
        CHECK(c.author == "A. B., C. D.");
        CHECK(c.date == "2024-03-01");
        CHECK(c.lang == "en");
    }
    SECTION("a French date string") {
        CHECK(read_markdown("---\ndate: 1er mars 2024\n---\nx\n").date == "2024-03-01");
    }
    SECTION("broken YAML: no fields, its lines kept as text, the body still read") {
        const auto c = read_markdown(
            "---\ntitle: [unclosed\nsource: Nulle part\n---\n# Vrai titre\n\nLe corps.\n");
        CHECK(c.title == "Vrai titre");
        CHECK(c.source.empty());
        CHECK(c.tags.empty());
        CHECK(contains(c.body, "source: Nulle part"));
        CHECK(contains(c.body, "Le corps."));
        CHECK_FALSE(contains(c.body, "---"));
    }
    SECTION("front matter that is not a mapping counts as broken") {
        const auto c = read_markdown("---\n- a\n- b\n---\nTitre\n");
        CHECK(c.title == "- a");
    }
    SECTION("no closing line: not front matter") {
        const auto c = read_markdown("---\ntitle: x\n\nTexte\n");
        CHECK(c.title == "title: x");
    }
}

TEST_CASE("read_markdown title and date without front matter", "[markdown_reader]") {
    const auto [markdown, expected] = GENERATE(table<std::string, std::string>({
        // the first heading, wherever it is
        {"Intro line.\n\n## Le titre\n\nSuite.\n",
         "title: Le titre\nbody: Intro line.\n\nSuite.\n"},
        // a setext heading
        {"Le titre\n========\n\nTexte.\n", "title: Le titre\nbody: Texte.\n"},
        // else the first non-empty line
        {"\n\nPremière ligne\nseconde ligne\n\nTexte.\n",
         "title: Première ligne\nbody: seconde ligne\n\nTexte.\n"},
        // a whole date line gives the date and leaves the body
        {"# Titre\n\njeudi 29 février 2024\n\nTexte du 3 mars 2024.\n",
         "title: Titre\ndate: 2024-02-29\nbody: Texte du 3 mars 2024.\n"},
    }));
    CAPTURE(markdown);
    CHECK(fields(read_markdown(markdown)) == expected);
}
