#include "revue/readers/html/dom_text.hpp"

#include <algorithm>

#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"

namespace revue::html {
namespace {

// Elements whose text stands on its own line.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_LEGEND:
            return true;
        default:
            return false;
    }
}

}  // namespace

ParsedHtml parse(std::string_view html) {
    ParsedHtml output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!output) throw Error("HTML parser failed");
    return output;
}

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
    return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
        return haystack.find(n) != std::string_view::npos;
    });
}

std::string attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
    return attr ? std::string(attr->value) : std::string();
}

bool is_element(const GumboNode* node, GumboTag tag) {
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const GumboNode* child_element(const GumboNode* node, GumboTag tag) {
    if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (is_element(child, tag)) return child;
    }
    return nullptr;
}

bool is_skipped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MAP:
            return true;
        default:
            return false;
    }
}

// The role an element gives its text, from its tag or its class names; see the header.
std::optional<Role> role_of(const GumboElement& element) {
    switch (element.tag) {
        case GUMBO_TAG_FIGCAPTION:
            return Role::caption;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
            return Role::title;
        case GUMBO_TAG_TIME:
            return Role::date;
        default:
            break;
    }
    const std::string cls = ascii_lower(attribute(element, "class"));
    if (cls.empty()) return std::nullopt;
    // "subtitle" and "surtitre" hold "title"/"titre", "légende" holds "legend": the order
    // below matters.
    if (contains_any(cls, {"caption", "legend"})) return Role::caption;
    if (contains_any(cls, {"surtitre", "kicker", "overline", "rubrique"})) return Role::kicker;
    if (contains_any(cls, {"subtitle", "sous-titre", "soustitre", "chapo", "chapeau", "deck",
                           "standfirst", "lead"}))
        return Role::deck;
    if (contains_any(cls, {"title", "titre"})) return Role::title;
    if (contains_any(cls, {"source", "publication", "journal"})) return Role::source;
    if (contains_any(cls, {"author", "byline", "auteur", "signature"})) return Role::author;
    if (contains_any(cls, {"date"})) return Role::date;
    return std::nullopt;
}

namespace {

class BlockCollector {
  public:
    void walk(const GumboNode* node, Role role) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                append(node->v.text.text, role);
                return;
            case GUMBO_NODE_DOCUMENT:
                walk_children(node->v.document.children, role);
                return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                break;
            default:
                return;
        }
        const GumboElement& element = node->v.element;
        if (is_skipped(element.tag)) return;
        if (element.tag == GUMBO_TAG_BR) {
            flush();
            return;
        }
        const auto own = role_of(element);
        if (element.tag == GUMBO_TAG_TIME) {
            // The machine-readable date beats whatever the element shows.
            if (auto datetime = attribute(element, "datetime"); !datetime.empty()) {
                flush();
                blocks_.push_back({std::move(datetime), Role::date});
                return;
            }
        }
        const bool boundary = is_block(element.tag) || own.has_value();
        if (boundary) flush();
        walk_children(element.children, own.value_or(role));
        if (boundary) flush();
    }

    std::vector<Block> take() {
        flush();
        return std::move(blocks_);
    }

  private:
    void walk_children(const GumboVector& children, Role role) {
        for (unsigned i = 0; i < children.length; ++i)
            walk(static_cast<const GumboNode*>(children.data[i]), role);
    }

    void append(std::string_view text, Role role) {
        for (const char c : text) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pending_space_ = !line_.empty();
                continue;
            }
            // A character reference such as &#27; gives an ESC that would drive the terminal
            // showing the clipping; C0 controls and DEL are never text. (Bytes of multi-byte
            // UTF-8 characters are all 0x80 or above.)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
            if (pending_space_) line_ += ' ';
            pending_space_ = false;
            if (line_.empty()) line_role_ = role;
            line_ += c;
        }
    }

    void flush() {
        if (!line_.empty()) blocks_.push_back({std::move(line_), line_role_});
        line_.clear();
        pending_space_ = false;
    }

    std::vector<Block> blocks_;
    std::string line_;
    Role line_role_ = Role::none;
    bool pending_space_ = false;
};

}  // namespace

std::vector<Block> blocks_of(const GumboNode* node) {
    BlockCollector collector;
    collector.walk(node, Role::none);
    return collector.take();
}

// Class names of an article or document container, not of a part of one.

}  // namespace revue::html
