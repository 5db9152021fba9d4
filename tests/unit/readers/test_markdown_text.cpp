// Checks readers/markdown_text.hpp: Markdown without its markup, paragraph by paragraph.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "revue/readers/markdown_text.hpp"

using revue::markdown_paragraphs;
using revue::markdown_to_text;

namespace {

// Each paragraph's text, "# " before a heading.
std::vector<std::string> rendered(const std::string& markdown) {
    std::vector<std::string> out;
    for (const auto& p : markdown_paragraphs(markdown))
        out.push_back((p.heading ? "# " : "") + p.text);
    return out;
}

}  // namespace

TEST_CASE("markdown_to_text strips the markup", "[markdown_text]") {
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

TEST_CASE("markdown_paragraphs marks the headings, ATX and setext", "[markdown_text]") {
    using Paragraphs = std::vector<std::string>;
    const auto [markdown, paragraphs] = GENERATE(table<std::string, Paragraphs>({
        {"# Titre\n\nTexte.", Paragraphs{"# Titre", "Texte."}},
        {"Titre\n=====\n\nTexte.", Paragraphs{"# Titre", "Texte."}},
        {"Sous-titre\n---\nTexte.", Paragraphs{"# Sous-titre", "Texte."}},
        {"un\ndeux\n\ntrois", Paragraphs{"un\ndeux", "trois"}},
        {"#hashtag\n\n## Deux ##", Paragraphs{"#hashtag", "# Deux"}},
        {"", Paragraphs{}},
    }));
    CAPTURE(markdown);
    CHECK(rendered(markdown) == paragraphs);
}

TEST_CASE("markdown_to_text is the paragraphs, a blank line apart", "[markdown_text]") {
    const std::string markdown = "# Titre\n\nUn *mot*.\n\n- a\n- b\n\n> fin";
    std::string joined;
    for (const auto& p : markdown_paragraphs(markdown))
        joined += (joined.empty() ? "" : "\n\n") + p.text;
    CHECK(markdown_to_text(markdown) == joined);
    CHECK(joined == "Titre\n\nUn mot.\n\na\nb\n\nfin");
}
