#include "revue/readers/press_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "revue/core/text.hpp"
#include "revue/readers/date_parser.hpp"
#include "revue/readers/language_detector.hpp"
#include "revue/readers/layout.hpp"

namespace revue {
namespace {

constexpr std::string_view kCaptionMarker = "??";
constexpr std::string_view kFooterLanguage = "Newspapers in ";
constexpr std::string_view kFooterCountry = "Newspapers from ";

// Paragraphs are runs of non-blank lines; each keeps its lines, trimmed.
std::vector<std::vector<std::string_view>> split_paragraphs(std::string_view text) {
    std::vector<std::vector<std::string_view>> paragraphs;
    std::vector<std::string_view> current;
    for (const auto line : split_lines(text)) {
        const auto t = trim(line);
        if (t.empty()) {
            if (!current.empty()) paragraphs.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(t);
        }
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    return paragraphs;
}

// The byline is a paragraph of one line, "- G. F." (any dash); returns the name, or nothing.
std::optional<std::string> byline(const std::vector<std::string_view>& paragraph) {
    if (paragraph.size() != 1) return std::nullopt;
    std::string name = byline_name(paragraph[0], BylineForms::dashes);
    if (name.empty()) return std::nullopt;
    return name;
}

bool is_caption(const std::vector<std::string_view>& paragraph) {
    return starts_with(paragraph.front(), kCaptionMarker);
}

// "?? ?? text" then the same text again: keeps each caption line once, without markers.
std::string caption_text(const std::vector<std::string_view>& paragraph) {
    std::vector<std::string_view> lines;
    for (auto line : paragraph) {
        while (starts_with(line, kCaptionMarker)) line = trim(line.substr(kCaptionMarker.size()));
        if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end())
            lines.push_back(line);
    }
    return join(lines, "\n");
}

// Strips the "Newspapers in …" / "Newspapers from …" footer lines off the end; true when
// there was such a footer.
bool take_footer(std::vector<std::vector<std::string_view>>& paragraphs, Clipping& c) {
    bool found = false;
    while (!paragraphs.empty()) {
        auto& last = paragraphs.back();
        const auto line = last.back();
        if (starts_with(line, kFooterLanguage)) {
            c.lang = normalize_language(trim(line.substr(kFooterLanguage.size())));
        } else if (starts_with(line, kFooterCountry)) {
            c.country = std::string(trim(line.substr(kFooterCountry.size())));
        } else {
            return found;
        }
        found = true;
        last.pop_back();
        if (last.empty()) paragraphs.pop_back();
    }
    return found;
}

}  // namespace

Clipping read_press_text(std::string_view text) {
    Clipping c;
    // A line that is only a date ("jeudi 29 février 2024") is the article's date, not text;
    // taking it out first leaves the layout below as if it were not there.
    std::string without_date(text);
    c.date = take_date_line(without_date);
    auto paragraphs = split_paragraphs(without_date);
    const bool has_footer = take_footer(paragraphs, c);

    // The byline comes third (no deck) or fourth (after the deck) in the press layout.
    std::size_t byline_at = 0;
    for (std::size_t i = 2; i <= 3 && i < paragraphs.size(); ++i) {
        if (auto name = byline(paragraphs[i])) {
            c.author = std::move(*name);
            byline_at = i;
            break;
        }
    }

    std::size_t body_from = 0;
    if (byline_at != 0) {
        c.source = join(paragraphs[0], " ");
        c.title = join(paragraphs[1], " ");
        if (byline_at == 3) c.deck = join(paragraphs[2], " ");
        body_from = byline_at + 1;
    } else if (has_footer && paragraphs.size() >= 2) {
        c.source = join(paragraphs[0], " ");
        c.title = join(paragraphs[1], " ");
        body_from = 2;
    } else if (!paragraphs.empty()) {
        // Plain text: the first non-empty line is the title, the rest the body.
        auto& first = paragraphs.front();
        c.title = std::string(first.front());
        first.erase(first.begin());
        if (first.empty()) {
            body_from = 1;
        }
    }

    std::vector<std::string> body;
    std::vector<std::string> captions;
    for (std::size_t i = body_from; i < paragraphs.size(); ++i) {
        if (is_caption(paragraphs[i])) {
            if (auto caption = caption_text(paragraphs[i]); !caption.empty())
                captions.push_back(std::move(caption));
        } else {
            body.push_back(join(paragraphs[i], "\n"));
        }
    }
    c.body = join(body, "\n\n");
    c.caption = join(captions, "\n\n");
    return c;
}

}  // namespace revue
