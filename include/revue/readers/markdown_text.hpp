// The text of a Markdown document without its markup, paragraph by paragraph: what the
// Markdown reader lays out into a clipping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace revue {

struct MarkdownParagraph {
    std::string text;
    bool heading = false;  // an ATX (#) or setext heading
};

// Paragraphs without their markup: heading #s and setext underlines, emphasis, links and
// images (their text stays), code spans and fence lines (the code stays), list bullets,
// blockquote '>', table pipes, rules, reference definitions; HTML inside goes through gumbo
// (tags dropped, entities decoded).
std::vector<MarkdownParagraph> markdown_paragraphs(std::string_view markdown);

// The same paragraphs as one text, separated by a blank line.
std::string markdown_to_text(std::string_view markdown);

}  // namespace revue
