#include "revue/printer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
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
//      also in: Le Monde (2024-02-29), Libération
// then, when asked, the facets and the total:
//   source:
//      3  Le Monde
//
//   5 matches
// In --batch mode each query's answer starts with a line "## QUERY".
class TextPrinter final : public Printer {
  public:
    TextPrinter(std::ostream& out, const PrinterOptions& options) : out_(out), options_(options) {}

    void begin_query(std::string_view query) override {
        std::string header = started_ ? "\n## " : "## ";
        append_escaped(header, query);
        header += '\n';
        out_ << header;
        started_ = true;
        block_empty_ = true;
    }

    void hit(const Hit& hit) override {
        const Clipping& c = hit.clipping;
        std::string block = separator();

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

        if (!hit.also_in.empty()) {
            block += "   also in: ";
            bool first = true;
            for (const Clipping& copy : hit.also_in) {
                if (!first) block += ", ";
                first = false;
                // A copy without a known source is named by its file.
                append_escaped(block, copy.source.empty() ? copy.path : copy.source);
                if (!copy.date.empty()) {
                    block += " (";
                    append_escaped(block, copy.date);
                    block += ')';
                }
            }
            block += '\n';
        }
        out_ << block;
    }

    void summary(const Summary& summary) override {
        std::string text;
        for (const FacetCounts& facet : summary.facets) {
            text += separator();
            append_escaped(text, facet.facet);
            text += ":\n";
            for (const auto& [value, count] : facet.counts) {
                const std::string number = std::to_string(count);
                text.append(number.size() < 4 ? 4 - number.size() : 0, ' ');
                text += number;
                text += "  ";
                append_escaped(text, value);
                text += '\n';
            }
        }
        text += separator();
        text += std::to_string(summary.total);
        text += summary.total == 1 ? " match\n" : " matches\n";
        out_ << text;
    }

    void finish() override { out_.flush(); }

  private:
    // A blank line between the parts of one answer.
    std::string separator() {
        const bool first = block_empty_;
        block_empty_ = false;
        started_ = true;
        return first ? std::string() : std::string("\n");
    }

    std::ostream& out_;
    const PrinterOptions options_;
    bool started_ = false;     // anything printed yet
    bool block_empty_ = true;  // nothing printed yet for the current query
};

// One JSON object per line (JSON Lines), for programs. Every object has a "type"; the hits
// come first, in rank order:
//
//   {"type":"hit",          a search result
//    "query":"...",         --batch only: the query line this object answers
//    "rank":1,              1-based position in the whole result list
//    "path":"/abs/x.txt",   the clippings file (bytes that are not UTF-8 become U+FFFD)
//    "article":1,           1-based position of the article in that file
//    "score":12.34,         relevance; only comparable within one search
//    "title":"...", "source":"...", "author":"...",   "" when unknown
//    "date":"2024-02-20",   ISO date, or null when unknown
//    "lang":"fr",           ISO 639-1 code
//    "tags":["ia",...],
//    "snippet":"...",       plain text passage, one line, "…" where it was cut; "" without
//    "matches":[{"start":S,"end":E},...],   byte offsets of the highlighted words in
//                                           "snippet" (UTF-8), end exclusive
//    "also_in":[{"source":"...","date":"2024-02-20"|null,"path":"...","article":N},...]}
//                           other copies of the same text (agency dispatches), oldest
//                           first; [] when none
//
// then, with --summary or --facet, one last object:
//
//   {"type":"summary",
//    "query":"...",         --batch only
//    "total":N,             matching articles, copies included (exact)
//    "elapsed_ms":T,        time to answer, milliseconds
//    "suggestion":"...",    a better spelling of the query when it found little, else null
//    "facets":{"source":{"Le Monde":3,...},...}}   per --facet, values by count, highest
//                                                  first
//
// Keys come in this order; the objects hold no newline, so `jq -c`, `grep` or a line reader
// can consume the stream.
class JsonPrinter final : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void begin_query(std::string_view query) override { query_ = std::string(query); }

    void hit(const Hit& hit) override {
        const Clipping& c = hit.clipping;
        // One object for every hit, its keys made once and its values replaced: building a
        // new object for each hit cost more than writing it out.
        if (hit_.is_null() || hit_.contains("query") != query_.has_value()) {
            hit_ = start("hit");
            for (const char* key : {"rank", "path", "article", "score", "title", "source", "author",
                                    "date", "lang", "tags", "snippet", "matches", "also_in"})
                hit_[key] = nullptr;
        }
        if (query_) set_string(hit_["query"], *query_);
        hit_["rank"] = hit.rank;
        set_string(hit_["path"], c.path);
        hit_["article"] = c.article;
        hit_["score"] = hit.score;
        set_string(hit_["title"], c.title);
        set_string(hit_["source"], c.source);
        set_string(hit_["author"], c.author);
        set_date(hit_["date"], c.date);
        set_string(hit_["lang"], c.lang);
        nlohmann::ordered_json& tags = hit_["tags"];
        if (!tags.is_array() || !tags.empty() || !c.tags.empty()) tags = c.tags;
        set_string(hit_["snippet"], hit.snippet.text);
        // The match objects of the previous hit are reused, as the hit object is.
        const auto ranges = clean_matches(hit.snippet);
        nlohmann::ordered_json& matches = hit_["matches"];
        if (!matches.is_array()) matches = nlohmann::ordered_json::array();
        auto& list = matches.get_ref<nlohmann::ordered_json::array_t&>();
        list.resize(ranges.size());
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            if (!list[i].is_object()) {
                list[i] = nlohmann::ordered_json::object();
                list[i]["start"] = 0;
                list[i]["end"] = 0;
            }
            list[i]["start"] = ranges[i].first;
            list[i]["end"] = ranges[i].second;
        }
        nlohmann::ordered_json& also_in = hit_["also_in"];
        if (!also_in.is_array() || !also_in.empty()) also_in = nlohmann::ordered_json::array();
        for (const Clipping& copy : hit.also_in) {
            also_in.push_back({{"source", copy.source},
                               {"date", date_json(copy.date)},
                               {"path", copy.path},
                               {"article", copy.article}});
        }
        write(hit_);
    }

    void summary(const Summary& summary) override {
        nlohmann::ordered_json facets = nlohmann::ordered_json::object();
        for (const FacetCounts& facet : summary.facets) {
            nlohmann::ordered_json counts = nlohmann::ordered_json::object();
            for (const auto& [value, count] : facet.counts) counts[value] = count;
            facets[facet.facet] = std::move(counts);
        }
        nlohmann::ordered_json object = start("summary");
        object["total"] = summary.total;
        // Microseconds are plenty; more digits would only be noise.
        object["elapsed_ms"] = std::round(summary.elapsed_ms * 1000) / 1000;
        object["suggestion"] = summary.suggestion.empty()
                                   ? nlohmann::ordered_json(nullptr)
                                   : nlohmann::ordered_json(summary.suggestion);
        object["facets"] = std::move(facets);
        write(object);
    }

    void finish() override { out_.flush(); }

  private:
    // Copies into the string a value already holds, reusing its memory.
    static void set_string(nlohmann::ordered_json& value, const std::string& text) {
        if (value.is_string()) {
            value.get_ref<std::string&>() = text;
        } else {
            value = text;
        }
    }

    static void set_date(nlohmann::ordered_json& value, const std::string& date) {
        if (date.empty()) {
            value = nullptr;
        } else {
            set_string(value, date);
        }
    }

    static nlohmann::ordered_json date_json(const std::string& date) {
        return date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(date);
    }

    nlohmann::ordered_json start(std::string_view type) const {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        object["type"] = type;
        if (query_) object["query"] = *query_;
        return object;
    }

    void write(const nlohmann::ordered_json& object) {
        // A path may hold any bytes: replace what is not UTF-8 instead of throwing.
        out_ << object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
             << '\n';
    }

    std::ostream& out_;
    std::optional<std::string> query_;  // set in --batch mode
    nlohmann::ordered_json hit_;        // the object written for each hit
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
