#include "revue/html_reader.hpp"

#include <gumbo.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>

#include "revue/date_parser.hpp"
#include "revue/language_detector.hpp"

namespace revue {
namespace {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};
using ParsedHtml = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

ParsedHtml parse(std::string_view html) {
    ParsedHtml output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!output) throw std::runtime_error("HTML parser failed");
    return output;
}

// kicker: a rubric or overline above the title ("Économie"): body text, never taken for the
// title or the publication.
enum class Role { none, title, deck, source, author, date, caption, kicker };

struct Block {
    std::string text;
    Role role = Role::none;
};

constexpr std::size_t kShortLine = 80;         // code points: a publication name or a byline
constexpr std::size_t kShortHeaderLine = 160;  // a header line holding the date and more

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(first, last - first + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(
        icu::UnicodeString::fromUTF8(
            icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
            .countChar32());
}

// Class names and tag-ish strings are ASCII identifiers; folding the ASCII letters is enough.
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
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

// Text blocks of a subtree in document order, each with the role of its innermost
// role-giving element; whitespace collapsed as a browser shows it.
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

std::vector<Block> blocks_of(const GumboNode* node) {
    BlockCollector collector;
    collector.walk(node, Role::none);
    return collector.take();
}

// Class names of an article or document container, not of a part of one.
bool is_article_class(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_DIV && element.tag != GUMBO_TAG_SECTION &&
        element.tag != GUMBO_TAG_LI)
        return false;
    const std::string cls = ascii_lower(attribute(element, "class"));
    std::size_t pos = 0;
    while (pos < cls.size()) {
        const auto start = cls.find_first_not_of(" \t\n\r\f", pos);
        if (start == std::string::npos) break;
        const auto end = std::min(cls.find_first_of(" \t\n\r\f", start), cls.size());
        const std::string_view token = std::string_view(cls).substr(start, end - start);
        pos = end;
        if (!contains_any(token, {"article", "doc"})) continue;
        if (contains_any(token, {"title",   "titre",   "head",   "body", "text",   "content",
                                 "author",  "auteur",  "byline", "date", "source", "publication",
                                 "journal", "caption", "legend", "meta", "foot",   "image",
                                 "img",     "photo",   "link",   "list", "nav"}))
            continue;
        return true;
    }
    return false;
}

using CandidateTest = bool (*)(const GumboElement&);

// Outermost candidates; a candidate holding two or more is a list of articles, not one.
void collect(const GumboNode* node, CandidateTest is_candidate,
             std::vector<const GumboNode*>& out) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& element = node->v.element;
    if (is_skipped(element.tag)) return;
    std::vector<const GumboNode*> inner;
    for (unsigned i = 0; i < element.children.length; ++i)
        collect(static_cast<const GumboNode*>(element.children.data[i]), is_candidate, inner);
    if (is_candidate(element) && inner.size() < 2) {
        out.push_back(node);
    } else {
        out.insert(out.end(), inner.begin(), inner.end());
    }
}

std::vector<const GumboNode*> article_nodes(const GumboNode* root) {
    std::vector<const GumboNode*> nodes;
    collect(
        root, [](const GumboElement& e) { return e.tag == GUMBO_TAG_ARTICLE; }, nodes);
    if (nodes.empty()) collect(root, is_article_class, nodes);
    return nodes;
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

std::string page_title(const GumboNode* root) {
    const GumboNode* head = child_element(root, GUMBO_TAG_HEAD);
    const GumboNode* title = head ? child_element(head, GUMBO_TAG_TITLE) : nullptr;
    if (!title) return {};
    std::string text;
    for (const auto& block : blocks_of(title)) text += (text.empty() ? "" : " ") + block.text;
    return text;
}

// "Par G. F.", "By Jane Doe", "- G. F." → the name; "" when the line is no byline. "Par"
// must be followed by a capital so that "Par ailleurs, …" stays text.
std::string byline_name(std::string_view line) {
    if (code_points(line) > kShortLine) return {};
    for (const std::string_view prefix : {"Par ", "par ", "PAR ", "By ", "by ", "BY "}) {
        if (!starts_with(line, prefix)) continue;
        const auto name = trim(line.substr(prefix.size()));
        if (name.empty()) return {};
        const auto first = icu::UnicodeString::fromUTF8(
                               icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))
                               .char32At(0);
        return u_isupper(first) ? std::string(name) : std::string();
    }
    for (const std::string_view dash : {"- ", "– ", "— "})
        if (starts_with(line, dash)) return std::string(trim(line.substr(dash.size())));
    return {};
}

std::string clean_author(std::string_view text) {
    if (auto name = byline_name(text); !name.empty()) return name;
    return std::string(trim(text));
}

// Europresse writes "La Croix, no. 43018": the issue number is not the publication.
std::string clean_source(std::string_view text) {
    if (const auto cut = text.find(", no. "); cut != std::string_view::npos)
        text = text.substr(0, cut);
    return std::string(trim(text));
}

struct AssembleOptions {
    bool guess_source = false;  // the first short line before the title is the publication
    std::string page_title;     // a single page's <title>, which beats its headings
};

Clipping assemble(const std::vector<Block>& blocks, const AssembleOptions& options) {
    Clipping c;
    constexpr auto npos = std::string::npos;
    std::size_t title_at = npos;
    for (std::size_t i = 0; i < blocks.size() && title_at == npos; ++i)
        if (blocks[i].role == Role::title) title_at = i;
    if (title_at == npos && options.page_title.empty()) {
        // No heading: the first line that is plain text, not a date or a byline.
        for (std::size_t i = 0; i < blocks.size() && title_at == npos; ++i)
            if (blocks[i].role == Role::none && parse_date_line(blocks[i].text).empty() &&
                byline_name(blocks[i].text).empty())
                title_at = i;
    }
    c.title =
        options.page_title.empty() && title_at != npos ? blocks[title_at].text : options.page_title;

    std::vector<std::string> body;
    std::vector<std::string> captions;
    std::size_t body_after_title = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        const bool before_title = title_at != npos && i < title_at;
        if (i == title_at) {
            if (b.text != c.title) body.push_back(b.text);
            continue;
        }
        switch (b.role) {
            case Role::title:  // a subheading
            case Role::kicker:
                body.push_back(b.text);
                break;
            case Role::deck:
                c.deck += (c.deck.empty() ? "" : " ") + b.text;
                break;
            case Role::source:
                if (c.source.empty()) c.source = clean_source(b.text);
                break;
            case Role::author:
                if (c.author.empty()) c.author = clean_author(b.text);
                break;
            case Role::date:
                if (c.date.empty()) c.date = find_date(b.text);
                break;
            case Role::caption:
                if (std::find(captions.begin(), captions.end(), b.text) == captions.end())
                    captions.push_back(b.text);
                break;
            case Role::none:
                if (before_title) {
                    if (c.date.empty() && code_points(b.text) <= kShortHeaderLine) {
                        if (auto date = find_date(b.text); !date.empty()) {
                            c.date = std::move(date);
                            break;
                        }
                    }
                    if (options.guess_source && c.source.empty() &&
                        code_points(b.text) <= kShortLine) {
                        c.source = clean_source(b.text);
                        break;
                    }
                    body.push_back(b.text);
                    break;
                }
                if (c.date.empty()) {
                    if (auto date = parse_date_line(b.text); !date.empty()) {
                        c.date = std::move(date);
                        break;
                    }
                }
                if (c.author.empty() && body_after_title < 2) {
                    if (auto name = byline_name(b.text); !name.empty()) {
                        c.author = std::move(name);
                        break;
                    }
                }
                body.push_back(b.text);
                ++body_after_title;
                break;
        }
    }
    for (const auto& p : body) c.body += (c.body.empty() ? "" : "\n\n") + p;
    for (const auto& p : captions) c.caption += (c.caption.empty() ? "" : "\n\n") + p;
    return c;
}

std::string element_lang(const GumboNode* node) {
    if (!node || node->type != GUMBO_NODE_ELEMENT) return {};
    return normalize_language(attribute(node->v.element, "lang"));
}

std::string joined_text(const Clipping& c) {
    return c.title + "\n\n" + c.deck + "\n\n" + c.body;
}

}  // namespace

std::vector<Clipping> read_html(std::string_view html) {
    const ParsedHtml output = parse(html);
    const GumboNode* root = output->root;
    const std::string page_lang = element_lang(root);

    std::vector<Clipping> clippings;
    const auto articles = article_nodes(root);
    if (!articles.empty()) {
        for (const GumboNode* node : articles) {
            Clipping c = assemble(blocks_of(node), {/*guess_source=*/true, /*page_title=*/{}});
            if (c.title.empty() && c.body.empty()) continue;
            c.lang = element_lang(node);
            // An export page's lang is the export tool's; each article has its own language.
            if (c.lang.empty()) c.lang = detect_language(joined_text(c));
            if (c.lang.empty()) c.lang = page_lang;
            clippings.push_back(std::move(c));
        }
        return clippings;
    }

    const GumboNode* body = child_element(root, GUMBO_TAG_BODY);
    Clipping c =
        assemble(blocks_of(body ? body : root), {/*guess_source=*/false, page_title(root)});
    if (c.title.empty() && c.body.empty()) return clippings;
    c.lang = page_lang.empty() ? element_lang(body) : page_lang;
    clippings.push_back(std::move(c));
    return clippings;
}

std::string html_fragment_text(std::string_view html) {
    const ParsedHtml output = parse(html);
    const GumboNode* body = child_element(output->root, GUMBO_TAG_BODY);
    std::string text;
    for (const auto& block : blocks_of(body ? body : output->root))
        text += (text.empty() ? "" : "\n") + block.text;
    return text;
}

std::string html_declared_charset(std::string_view bytes) {
    // Browsers look for the declaration in the first 1024 bytes; allow a longer <head>.
    const ParsedHtml output = parse(bytes.substr(0, 4096));
    const GumboNode* head = child_element(output->root, GUMBO_TAG_HEAD);
    if (!head) return {};
    const GumboVector& children = head->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* node = static_cast<const GumboNode*>(children.data[i]);
        if (!is_element(node, GUMBO_TAG_META)) continue;
        const GumboElement& meta = node->v.element;
        if (auto charset = std::string(trim(attribute(meta, "charset"))); !charset.empty())
            return charset;
        if (ascii_lower(attribute(meta, "http-equiv")) != "content-type") continue;
        // content="text/html; charset=windows-1252"
        const std::string content = attribute(meta, "content");
        const auto at = ascii_lower(content).find("charset=");
        if (at == std::string::npos) continue;
        const auto value = std::string_view(content).substr(at + 8);
        return std::string(trim(value.substr(0, value.find_first_of("; \"'"))));
    }
    return {};
}

bool looks_like_html(std::string_view text) {
    const auto start = text.find_first_not_of(" \t\r\n\f");
    if (start == std::string_view::npos) return false;
    const std::string head = ascii_lower(text.substr(start, 15));
    if (starts_with(head, "<!doctype html")) return true;
    return starts_with(head, "<html") && head.size() > 5 &&
           (head[5] == '>' || head[5] == ' ' || head[5] == '\t' || head[5] == '\n' ||
            head[5] == '\r');
}

}  // namespace revue
