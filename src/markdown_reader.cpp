#include "revue/markdown_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "revue/date_parser.hpp"
#include "revue/html_reader.hpp"
#include "revue/language_detector.hpp"

namespace revue {
namespace {

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

struct Paragraph {
    std::string text;
    bool heading = false;
};

std::vector<Paragraph> paragraphs_of(std::string_view markdown) {
    std::vector<Paragraph> paragraphs;
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

struct FrontMatter {
    std::string_view yaml;
    std::string_view rest;
};

// "---" on the first line, then YAML up to a "---" or "..." line.
std::optional<FrontMatter> split_front_matter(std::string_view text) {
    const auto lines = split_lines(text);
    if (lines.empty() || trim(lines[0]) != "---") return std::nullopt;
    std::size_t offset = lines[0].size() + 1;
    const std::size_t yaml_start = offset;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto t = trim(lines[i]);
        if (t == "---" || t == "...") {
            const auto rest_start = std::min(offset + lines[i].size() + 1, text.size());
            return FrontMatter{text.substr(yaml_start, offset - yaml_start),
                               text.substr(rest_start)};
        }
        offset += lines[i].size() + 1;
    }
    return std::nullopt;
}

std::string scalar(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (!node || !node.IsScalar()) return {};
    return std::string(trim(node.Scalar()));
}

// A scalar, or the items of a list joined with ", ".
std::string scalar_or_list(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (node && node.IsSequence()) {
        std::string joined;
        for (const auto& item : node)
            if (item.IsScalar() && !trim(item.Scalar()).empty())
                joined += (joined.empty() ? "" : ", ") + std::string(trim(item.Scalar()));
        return joined;
    }
    return scalar(map, key);
}

std::vector<std::string> tags_of(const YAML::Node& map) {
    std::vector<std::string> tags;
    const auto add = [&](std::string_view tag) {
        tag = trim(tag);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.emplace_back(tag);
    };
    const YAML::Node node = map["tags"];
    if (node && node.IsSequence()) {
        for (const auto& item : node)
            if (item.IsScalar()) add(item.Scalar());
    } else if (node && node.IsScalar()) {
        std::string_view list = node.Scalar();
        for (std::size_t comma; (comma = list.find(',')) != std::string_view::npos;) {
            add(list.substr(0, comma));
            list.remove_prefix(comma + 1);
        }
        add(list);
    }
    return tags;
}

// Fills the clipping from the front matter; false when it is not a YAML mapping.
bool read_front_matter(std::string_view yaml, Clipping& c) {
    YAML::Node doc;
    try {
        doc = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception&) {
        return false;
    }
    if (doc.IsNull()) return true;  // "---\n---": empty but well-formed
    if (!doc.IsMap()) return false;
    const YAML::Node& map = doc;
    c.title = scalar(map, "title");
    c.source = scalar(map, "source");
    c.author = scalar_or_list(map, "author");
    c.country = scalar(map, "country");
    c.date = find_date(scalar(map, "date"));
    c.lang = normalize_language(scalar(map, "lang"));
    c.tags = tags_of(map);
    return true;
}

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    std::string text;
    for (const auto& p : paragraphs_of(markdown)) text += (text.empty() ? "" : "\n\n") + p.text;
    return text;
}

Clipping read_markdown(std::string_view text) {
    Clipping c;
    std::vector<Paragraph> paragraphs;
    if (const auto front = split_front_matter(text)) {
        paragraphs = paragraphs_of(front->rest);
        if (!read_front_matter(front->yaml, c)) {
            c = Clipping{};
            if (const auto kept = trim(front->yaml); !kept.empty())
                paragraphs.insert(paragraphs.begin(), Paragraph{std::string(kept), false});
        }
    } else {
        paragraphs = paragraphs_of(text);
    }

    if (c.date.empty()) {
        for (auto it = paragraphs.begin(); it != paragraphs.end(); ++it) {
            if (c.date = take_date_line(it->text); c.date.empty()) continue;
            if (trim(it->text).empty()) paragraphs.erase(it);
            break;
        }
    }

    const auto heading = std::find_if(paragraphs.begin(), paragraphs.end(),
                                      [](const Paragraph& p) { return p.heading; });
    if (!c.title.empty()) {
        if (heading != paragraphs.end() && heading->text == c.title) paragraphs.erase(heading);
    } else if (heading != paragraphs.end()) {
        c.title = heading->text;
        paragraphs.erase(heading);
    } else if (!paragraphs.empty()) {
        auto& first = paragraphs.front().text;
        const auto nl = first.find('\n');
        c.title = first.substr(0, nl);
        if (nl == std::string::npos)
            paragraphs.erase(paragraphs.begin());
        else
            first.erase(0, nl + 1);
    }

    for (const auto& p : paragraphs) c.body += (c.body.empty() ? "" : "\n\n") + p.text;
    return c;
}

}  // namespace revue
