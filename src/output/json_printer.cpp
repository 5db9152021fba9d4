#include "revue/output/printers.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "revue/core/clipping_json.hpp"
#include "revue/output/escape.hpp"

namespace revue {
namespace {

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
                               {"date", date_json<nlohmann::ordered_json>(copy.date)},
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

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
    return std::make_unique<JsonPrinter>(out);
}

}  // namespace revue
