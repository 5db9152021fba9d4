#include "revue/printer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

namespace revue {
namespace {

// Makes a field safe for one line of a terminal or a TSV cell: backslash, tab, newline and
// CR become \\ \t \n \r; other control characters (an ESC in a file name could drive the
// terminal) and line/paragraph separators become \xHH (C0, DEL) or \uHHHH; bytes that are
// not UTF-8 become \xHH. Since the backslash itself is escaped, the mapping is reversible.
void append_escaped(std::string& out, std::string_view field) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    const auto hex = [&](std::uint32_t value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += kHex[(value >> shift) & 0xF];
    };
    const auto* s = reinterpret_cast<const std::uint8_t*>(field.data());
    const std::size_t length = field.size();
    std::size_t i = 0;
    while (i < length) {
        const std::size_t begin = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            for (std::size_t k = begin; k < i; ++k) {
                out += "\\x";
                hex(s[k], 2);
            }
            continue;
        }
        switch (c) {
            case '\\':
                out += "\\\\";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\r':
                out += "\\r";
                continue;
            default:
                break;
        }
        const auto type = u_charType(c);
        if (type == U_CONTROL_CHAR && c < 0x80) {
            out += "\\x";
            hex(static_cast<std::uint32_t>(c), 2);
        } else if (type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR ||
                   type == U_PARAGRAPH_SEPARATOR) {
            out += "\\u";
            hex(static_cast<std::uint32_t>(c), 4);
        } else {
            out.append(field, begin, i - begin);
        }
    }
}

// The hit's match ranges, sorted, clipped to the snippet and without overlaps, so a
// malformed hit cannot make a printer read out of bounds.
std::vector<std::pair<std::size_t, std::size_t>> clean_matches(const Snippet& snippet) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (auto [start, end] : snippet.matches) {
        end = std::min(end, snippet.text.size());
        if (start < end) ranges.emplace_back(start, end);
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, range.second);
        } else {
            merged.push_back(range);
        }
    }
    return merged;
}

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

// A block per hit, for people:
//   1. Vents porteurs pour le français Mistral
//      Challenges · 2024-02-29 · G. F.
//      /home/me/revue/challenges.txt#2
//      …les modèles de la start-up parisienne…
class TextPrinter final : public Printer {
  public:
    TextPrinter(std::ostream& out, const PrinterOptions& options) : out_(out), options_(options) {}

    void hit(const Hit& hit) override {
        const Clipping& c = hit.clipping;
        std::string block;
        if (!first_) block += '\n';
        first_ = false;

        block += std::to_string(hit.rank);
        block += ". ";
        if (options_.color) block += kBold;
        append_escaped(block, c.title.empty() ? std::string_view("(untitled)") : c.title);
        if (options_.color) block += kReset;
        block += '\n';

        std::string about;
        for (const std::string* part : {&c.source, &c.date, &c.author}) {
            if (part->empty()) continue;
            if (!about.empty()) about += " \u00B7 ";
            append_escaped(about, *part);
        }
        if (!about.empty()) block.append("   ").append(about).append("\n");

        block += "   ";
        append_escaped(block, c.path);
        if (c.article > 1) block.append("#").append(std::to_string(c.article));
        block += '\n';

        const std::string& text = hit.snippet.text;
        if (!text.empty()) {
            block += "   ";
            std::size_t at = 0;
            for (const auto& [start, end] : clean_matches(hit.snippet)) {
                append_escaped(block, std::string_view(text).substr(at, start - at));
                if (options_.color) block += kMatch;
                append_escaped(block, std::string_view(text).substr(start, end - start));
                if (options_.color) block += kReset;
                at = end;
            }
            append_escaped(block, std::string_view(text).substr(at));
            block += '\n';
        }
        out_ << block;
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
    const PrinterOptions options_;
    bool first_ = true;
};

// One JSON object per line and per hit (JSON Lines), for programs:
//
//   {"type":"hit",          always "hit"; other message types may come later
//    "rank":1,              1-based position in the whole result list
//    "path":"/abs/x.txt",   the clippings file (bytes that are not UTF-8 become U+FFFD)
//    "article":1,           1-based position of the article in that file
//    "score":12.34,         relevance; only comparable within one search
//    "title":"...", "source":"...", "author":"...",   "" when unknown
//    "date":"2024-02-20",   ISO date, or null when unknown
//    "lang":"fr",           ISO 639-1 code
//    "tags":["ia",...],
//    "snippet":"...",       plain text passage, one line, "…" where it was cut
//    "matches":[{"start":S,"end":E},...]}   byte offsets of the highlighted words in
//                                           "snippet" (UTF-8), end exclusive
//
// Keys come in this order; the objects hold no newline, so `jq -c`, `grep` or a line reader
// can consume the stream.
class JsonPrinter final : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void hit(const Hit& hit) override {
        const Clipping& c = hit.clipping;
        nlohmann::ordered_json matches = nlohmann::ordered_json::array();
        for (const auto& [start, end] : clean_matches(hit.snippet)) {
            matches.push_back({{"start", start}, {"end", end}});
        }
        const nlohmann::ordered_json object = {
            {"type", "hit"},
            {"rank", hit.rank},
            {"path", c.path},
            {"article", c.article},
            {"score", hit.score},
            {"title", c.title},
            {"source", c.source},
            {"author", c.author},
            {"date",
             c.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.date)},
            {"lang", c.lang},
            {"tags", c.tags},
            {"snippet", hit.snippet.text},
            {"matches", std::move(matches)},
        };
        // A path may hold any bytes: replace what is not UTF-8 instead of throwing.
        out_ << object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
             << '\n';
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
};

// rank, score, path, title separated by tabs; fields escaped so a hit stays on one line.
class TsvPrinter final : public Printer {
  public:
    explicit TsvPrinter(std::ostream& out) : out_(out) {}

    void hit(const Hit& hit) override {
        std::string line = std::to_string(hit.rank);
        line += '\t';
        // to_chars: fixed notation with a '.' whatever the C locale says.
        std::array<char, 64> score{};
        const auto result = std::to_chars(score.data(), score.data() + score.size(), hit.score,
                                          std::chars_format::fixed, 4);
        line.append(score.data(), result.ec == std::errc() ? result.ptr : score.data());
        line += '\t';
        append_escaped(line, hit.clipping.path);
        line += '\t';
        append_escaped(line, hit.clipping.title);
        line += '\n';
        out_ << line;
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
};

// Each matching file once, in the order first seen, as raw bytes for xargs (-0 with NUL
// ends): a file holding several matching articles is still one file to open.
class PathsPrinter final : public Printer {
  public:
    PathsPrinter(std::ostream& out, const PrinterOptions& options)
        : out_(out), end_(options.null_end ? '\0' : '\n') {}

    void hit(const Hit& hit) override {
        if (!seen_.insert(hit.clipping.path).second) return;
        out_ << hit.clipping.path << end_;
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
    const char end_;
    std::unordered_set<std::string> seen_;
};

}  // namespace

std::string escape_field(std::string_view field) {
    std::string out;
    append_escaped(out, field);
    return out;
}

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out,
                                      const PrinterOptions& options) {
    switch (format) {
        case OutputFormat::text:
            return std::make_unique<TextPrinter>(out, options);
        case OutputFormat::json:
            return std::make_unique<JsonPrinter>(out);
        case OutputFormat::tsv:
            return std::make_unique<TsvPrinter>(out);
        case OutputFormat::paths:
            return std::make_unique<PathsPrinter>(out, options);
    }
    throw std::invalid_argument("unknown output format");
}

OutputFormat output_format_from_name(std::string_view name) {
    static constexpr std::pair<std::string_view, OutputFormat> kFormats[] = {
        {"text", OutputFormat::text},
        {"json", OutputFormat::json},
        {"tsv", OutputFormat::tsv},
        {"paths", OutputFormat::paths},
    };
    for (const auto& [known, format] : kFormats) {
        if (name == known) return format;
    }
    throw std::invalid_argument("unknown format '" + std::string(name) +
                                "' (expected text, json, tsv or paths)");
}

}  // namespace revue
