#include "revue/readers/html/html_reader.hpp"

#include <algorithm>
#include <optional>

#include "revue/core/text.hpp"
#include "revue/readers/date_parser.hpp"
#include "revue/readers/html/dom_text.hpp"
#include "revue/readers/language_detector.hpp"
#include "revue/readers/layout.hpp"

namespace revue {
namespace {

using namespace html;

constexpr std::size_t kShortLine = kMaxBylineChars;  // code points: a publication name
constexpr std::size_t kShortHeaderLine = 160;        // a header line: the date and more

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

std::string page_title(const GumboNode* root) {
    const GumboNode* head = child_element(root, GUMBO_TAG_HEAD);
    const GumboNode* title = head ? child_element(head, GUMBO_TAG_TITLE) : nullptr;
    if (!title) return {};
    std::string text;
    for (const auto& block : blocks_of(title)) text += (text.empty() ? "" : " ") + block.text;
    return text;
}

// "Par G. F.", "By Jane Doe", "- G. F." → the name; "" when the line is no byline.
std::string byline_name(std::string_view line) {
    return revue::byline_name(line, BylineForms::dashes_and_words);
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
    c.body = join(body, "\n\n");
    c.caption = join(captions, "\n\n");
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
