#include "revue/readers/markdown_text.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "revue/core/text.hpp"
#include "revue/readers/html/html_reader.hpp"

namespace revue {
namespace {

bool only_chars(std::string_view s, std::string_view allowed) {
    return s.find_first_not_of(allowed) == std::string_view::npos;
}

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// Part of a word for emphasis purposes: ASCII letters and digits, and any byte of a
// multi-byte UTF-8 character (so "é_" is inside a word, as in "déjà_vu").
bool is_word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || b >= 0x80;
}

// How far inline markup may reach for its closing mark: real links and code spans are far
// shorter, and the bound keeps a line full of unmatched '[' or '`' linear.
constexpr std::size_t kInlineReach = 2048;

std::string_view within_reach(std::string_view s, std::size_t from) {
    return s.substr(0, std::min(s.size(), from + kInlineReach));
}

// The position of the bracket closing the one at `open`, counting nesting; npos if none.
std::size_t matching(std::string_view line, std::size_t open, char open_c, char close_c) {
    const auto s = within_reach(line, open);
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == open_c) ++depth;
        if (s[i] == close_c && --depth == 0) return i;
    }
    return std::string_view::npos;
}

// Inline markup off one line; every markup character is ASCII, so bytes of multi-byte
// characters pass through untouched.
std::string strip_inline(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '`') {
            const auto run = std::min(s.find_first_not_of('`', i), s.size()) - i;
            const std::string fence(run, '`');
            const auto close = within_reach(s, i).find(fence, i + run);
            if (close != std::string_view::npos) {
                out += trim(s.substr(i + run, close - i - run));
                i = close + run;
            } else {
                i += run;
            }
            continue;
        }
        if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
            const std::size_t open = c == '!' ? i + 1 : i;
            const auto close = matching(s, open, '[', ']');
            if (close != std::string_view::npos && close + 1 < s.size() &&
                (s[close + 1] == '(' || s[close + 1] == '[')) {
                const char target_open = s[close + 1];
                const auto end =
                    matching(s, close + 1, target_open, target_open == '(' ? ')' : ']');
                if (end != std::string_view::npos) {
                    // [text](url), ![alt](src), [text][ref]: the words stay, the target goes.
                    out += strip_inline(s.substr(open + 1, close - open - 1));
                    i = end + 1;
                    continue;
                }
            }
            out += c;
            ++i;
            continue;
        }
        if (c == '<') {
            // Autolinks <https://…> and <name@host>: the address is text, not a tag.
            const auto close = within_reach(s, i).find('>', i);
            if (close != std::string_view::npos) {
                const auto inner = s.substr(i + 1, close - i - 1);
                if (inner.find_first_of(" \t<") == std::string_view::npos &&
                    (inner.find("://") != std::string_view::npos ||
                     (inner.find('@') != std::string_view::npos && !starts_with(inner, "!")))) {
                    out += inner;
                    i = close + 1;
                    continue;
                }
            }
            out += c;
            ++i;
            continue;
        }
        if (c == '*' || (c == '~' && i + 1 < s.size() && s[i + 1] == '~')) {
            i += c == '*' ? 1 : 2;
            continue;
        }
        if (c == '_') {
            // Emphasis underscores sit at a word edge; "snake_case" keeps its own.
            const auto end = std::min(s.find_first_not_of('_', i), s.size());
            const bool word_before = i > 0 && is_word_byte(s[i - 1]);
            const bool word_after = end < s.size() && is_word_byte(s[end]);
            if (word_before && word_after) out += s.substr(i, end - i);
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

struct Line {
    std::string text;  // empty: a blank line
    bool heading = false;
    bool code = false;  // inside a fence: kept as written, not read as HTML
};

// An opening or closing fence: three or more backticks or tildes.
std::optional<std::string> fence_of(std::string_view t) {
    if (t.size() < 3 || (t[0] != '`' && t[0] != '~')) return std::nullopt;
    const auto run = std::min(t.find_first_not_of(t[0]), t.size());
    if (run < 3) return std::nullopt;
    return std::string(run, t[0]);
}

bool is_thematic_break(std::string_view t) {
    for (const char mark : {'-', '*', '_'}) {
        if (only_chars(t, std::string{mark, ' ', '\t'}) &&
            std::count(t.begin(), t.end(), mark) >= 3)
            return true;
    }
    return false;
}

// Strips the block markers off the front of a line: quotes, bullets, numbers, task boxes.
std::string_view strip_block_prefix(std::string_view t) {
    for (bool changed = true; changed;) {
        changed = false;
        if (starts_with(t, ">")) {
            t = trim(t.substr(1));
            changed = true;
        }
        for (const std::string_view bullet : {"- ", "* ", "+ ", "[ ] ", "[x] ", "[X] "}) {
            if (starts_with(t, bullet)) {
                t = trim(t.substr(bullet.size()));
                changed = true;
            }
        }
        const auto digits = std::min(t.find_first_not_of("0123456789"), t.size());
        if (digits > 0 && digits <= 9 && digits + 1 < t.size() &&
            (t[digits] == '.' || t[digits] == ')') && t[digits + 1] == ' ') {
            t = trim(t.substr(digits + 2));
            changed = true;
        }
    }
    return t;
}

std::vector<Line> strip_lines(std::string_view markdown) {
    std::vector<Line> out;
    std::optional<std::string> fence;
    const auto previous_is_text = [&] {
        return !out.empty() && !out.back().text.empty() && !out.back().heading && !out.back().code;
    };
    for (const auto raw : split_lines(markdown)) {
        std::string_view t = trim(raw);
        if (fence) {
            if (starts_with(t, *fence) && only_chars(t, fence->substr(0, 1))) {
                fence.reset();
                out.push_back({});
            } else {
                out.push_back({std::string(raw), false, true});
            }
            continue;
        }
        if (t.empty()) {
            out.push_back({});
            continue;
        }
        if (auto marker = fence_of(t)) {
            fence = std::move(marker);
            out.push_back({});
            continue;
        }
        if (only_chars(t, "=") || (only_chars(t, "-") && previous_is_text())) {
            // A setext underline makes the line above a heading.
            if (previous_is_text()) {
                out.back().heading = true;
                out.push_back({});
                continue;
            }
        }
        if (is_thematic_break(t)) {
            out.push_back({});
            continue;
        }
        if (starts_with(t, "[") && t.find("]:") != std::string_view::npos &&
            t.find("]:") < t.find(' ')) {
            continue;  // a reference definition: "[1]: https://…"
        }
        if (t.find('|') != std::string_view::npos && only_chars(t, "|-: \t") &&
            t.find('-') != std::string_view::npos) {
            continue;  // a table's header separator "|---|:--:|"
        }
        Line line;
        if (t[0] == '#') {
            const auto level = std::min(t.find_first_not_of('#'), t.size());
            if (level <= 6 && (level == t.size() || t[level] == ' ' || t[level] == '\t')) {
                t = trim(t.substr(level));
                // Closing hashes "## Title ##" are decoration too.
                const auto last = t.find_last_not_of('#');
                if (last != std::string_view::npos && last + 1 < t.size() &&
                    (t[last] == ' ' || t[last] == '\t'))
                    t = trim(t.substr(0, last));
                line.heading = true;
            }
        }
        if (!line.heading) t = strip_block_prefix(t);
        std::string text = strip_inline(t);
        if (starts_with(trim(text), "|")) std::replace(text.begin(), text.end(), '|', ' ');
        line.text = std::string(trim(text));
        // A line of markup only ("**", "![](x.png)") reads as a blank line.
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace

std::vector<MarkdownParagraph> markdown_paragraphs(std::string_view markdown) {
    std::vector<MarkdownParagraph> paragraphs;
    std::string current;
    bool has_code = false;
    const auto flush = [&] {
        if (!current.empty()) {
            // HTML in Markdown: gumbo drops the tags and decodes the entities.
            if (!has_code && current.find_first_of("<&") != std::string::npos)
                current = html_fragment_text(current);
            if (!trim(current).empty()) paragraphs.push_back({std::move(current), false});
        }
        current.clear();
        has_code = false;
    };
    for (auto& line : strip_lines(markdown)) {
        if (line.heading) {
            flush();
            current = std::move(line.text);
            flush();
            if (!paragraphs.empty()) paragraphs.back().heading = true;
            continue;
        }
        if (line.text.empty()) {
            flush();
            continue;
        }
        if (!current.empty()) current += '\n';
        current += line.text;
        has_code = has_code || line.code;
    }
    flush();
    return paragraphs;
}

std::string markdown_to_text(std::string_view markdown) {
    std::string text;
    for (const auto& p : markdown_paragraphs(markdown))
        text += (text.empty() ? "" : "\n\n") + p.text;
    return text;
}

}  // namespace revue
