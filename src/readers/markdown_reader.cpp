#include "revue/readers/markdown_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "revue/core/text.hpp"
#include "revue/readers/date_parser.hpp"
#include "revue/readers/language_detector.hpp"
#include "revue/readers/markdown_text.hpp"

namespace revue {
namespace {

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

Clipping read_markdown(std::string_view text) {
    Clipping c;
    std::vector<MarkdownParagraph> paragraphs;
    if (const auto front = split_front_matter(text)) {
        paragraphs = markdown_paragraphs(front->rest);
        if (!read_front_matter(front->yaml, c)) {
            c = Clipping{};
            if (const auto kept = trim(front->yaml); !kept.empty())
                paragraphs.insert(paragraphs.begin(), MarkdownParagraph{std::string(kept), false});
        }
    } else {
        paragraphs = markdown_paragraphs(text);
    }

    if (c.date.empty()) {
        for (auto it = paragraphs.begin(); it != paragraphs.end(); ++it) {
            if (c.date = take_date_line(it->text); c.date.empty()) continue;
            if (trim(it->text).empty()) paragraphs.erase(it);
            break;
        }
    }

    const auto heading = std::find_if(paragraphs.begin(), paragraphs.end(),
                                      [](const MarkdownParagraph& p) { return p.heading; });
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

    std::vector<std::string_view> body;
    for (const auto& p : paragraphs) body.push_back(p.text);
    c.body = join(body, "\n\n");
    return c;
}

}  // namespace revue
