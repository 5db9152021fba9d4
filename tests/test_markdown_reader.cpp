#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "revue/markdown_reader.hpp"

using revue::markdown_to_text;
using revue::read_markdown;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(REVUE_FIXTURES) + "/formats/" + name, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("read_markdown takes the fields from the front matter", "[markdown_reader]") {
    const auto c = read_markdown(fixture("note.md"));
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
    SECTION("the first heading, wherever it is") {
        const auto c = read_markdown("Intro line.\n\n## Le titre\n\nSuite.\n");
        CHECK(c.title == "Le titre");
        CHECK(c.body == "Intro line.\n\nSuite.");
    }
    SECTION("a setext heading") {
        CHECK(read_markdown("Le titre\n========\n\nTexte.\n").title == "Le titre");
    }
    SECTION("else the first non-empty line") {
        const auto c = read_markdown("\n\nPremière ligne\nseconde ligne\n\nTexte.\n");
        CHECK(c.title == "Première ligne");
        CHECK(c.body == "seconde ligne\n\nTexte.");
    }
    SECTION("a whole date line gives the date and leaves the body") {
        const auto c = read_markdown("# Titre\n\njeudi 29 février 2024\n\nTexte du 3 mars 2024.\n");
        CHECK(c.date == "2024-02-29");
        CHECK(c.body == "Texte du 3 mars 2024.");
    }
}

TEST_CASE("markdown_to_text strips the markup", "[markdown_reader]") {
    const auto [markdown, text] = GENERATE(table<std::string, std::string>({
        {"# Titre #", "Titre"},
        {"###### Six", "Six"},
        {"#hashtag", "#hashtag"},
        {"Un **gras** et un *italique* et __souligné__", "Un gras et un italique et souligné"},
        {"snake_case_name reste", "snake_case_name reste"},
        {"~~barré~~", "barré"},
        {"[le lien](https://x.org/a_(b)) ici", "le lien ici"},
        {"[ref][1] ici\n\n[1]: https://x.org", "ref ici"},
        {"![alt du dessin](a.png)", "alt du dessin"},
        {"[![logo](l.png)](https://x.org)", "logo"},
        {"<https://x.org/page>", "https://x.org/page"},
        {"du `code_inline` ici", "du code_inline ici"},
        {"- un\n* deux\n+ trois\n1. quatre\n2) cinq", "un\ndeux\ntrois\nquatre\ncinq"},
        {"- [x] fait", "fait"},
        {"> cité\n> > deux fois", "cité\ndeux fois"},
        {"avant\n\n---\n\naprès", "avant\n\naprès"},
        {"| a | b |\n|---|:-:|\n| c | d |", "a   b\nc   d"},
        {"```cpp\nint *p = a_b;\n```", "int *p = a_b;"},
        {"Texte <b>gras</b> &eacute;t&eacute; <!-- commentaire -->", "Texte gras été"},
        {"\\*pas d'emphase\\*", "*pas d'emphase*"},
        {"a < b et c > d", "a < b et c > d"},
    }));
    CAPTURE(markdown);
    CHECK(markdown_to_text(markdown) == text);
}
