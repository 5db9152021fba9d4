#include "revue/press_reader.hpp"

#include "revue/date_parser.hpp"
#include "revue/language_detector.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace revue {
namespace {

constexpr std::string_view kCaptionMarker = "??";
constexpr std::string_view kFooterLanguage = "Newspapers in ";
constexpr std::string_view kFooterCountry = "Newspapers from ";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(first, last - first + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(text.substr(pos, end - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

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

std::string join(const std::vector<std::string_view>& lines, std::string_view sep) {
    std::string out;
    for (const auto line : lines) {
        if (!out.empty()) out += sep;
        out += line;
    }
    return out;
}

// The byline is a line "- G. F." (any dash); returns the name, or nothing.
std::optional<std::string> byline(const std::vector<std::string_view>& paragraph) {
    if (paragraph.size() != 1) return std::nullopt;
    for (const std::string_view dash : {"- ", "– ", "— "}) {
        if (starts_with(paragraph[0], dash)) {
            const auto name = trim(paragraph[0].substr(dash.size()));
            if (!name.empty() && name.size() <= 80) return std::string(name);
        }
    }
    return std::nullopt;
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
    for (const auto& p : body) c.body += (c.body.empty() ? "" : "\n\n") + p;
    for (const auto& p : captions) c.caption += (c.caption.empty() ? "" : "\n\n") + p;
    return c;
}

}  // namespace revue
