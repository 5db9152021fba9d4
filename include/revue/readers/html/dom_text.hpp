// The DOM side of the HTML reader: a page parsed with gumbo, and its visible text as blocks,
// each with the role its tags and class names give it (title, byline, caption, …).
#pragma once

#include <gumbo.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revue::html {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};
using ParsedHtml = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Throws Error when gumbo gives up.
ParsedHtml parse(std::string_view html);

// kicker: a rubric or overline above the title ("Économie"): body text, never taken for the
// title or the publication.
enum class Role { none, title, deck, source, author, date, caption, kicker };

struct Block {
    std::string text;
    Role role = Role::none;
};

std::string attribute(const GumboElement& element, const char* name);
bool is_element(const GumboNode* node, GumboTag tag);
// Scripts, styles, forms, navigation and the like: never text.
bool is_skipped(GumboTag tag);
const GumboNode* child_element(const GumboNode* node, GumboTag tag);

// Whether a lower-cased class attribute holds any of the needles.
bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles);

// The role an element gives its text, from its tag or its class names (html_reader.hpp).
std::optional<Role> role_of(const GumboElement& element);

// Text blocks of a subtree in document order, each with the role of its innermost
// role-giving element; whitespace collapsed as a browser shows it, control characters
// dropped.
std::vector<Block> blocks_of(const GumboNode* node);

}  // namespace revue::html
