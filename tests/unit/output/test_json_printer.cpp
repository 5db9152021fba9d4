// Checks the JSON printer (output/printers.hpp): JSON Lines of hits and summaries, keys in order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "hits.hpp"
#include "support.hpp"

using namespace revue;
using namespace revue::testing;

TEST_CASE("json output: one object per line, in the documented order", "[printer]") {
    const std::string out = print(OutputFormat::json, {full_hit(), bare_hit()});
    const std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    CHECK(
        lines[0] ==
        R"({"type":"hit","rank":1,"path":"/corpus/challenges.txt","article":1,"score":12.3456789,)"
        R"("title":"Vents porteurs pour le français Mistral","source":"Challenges",)"
        R"("author":"G. F.","date":"2024-02-29","lang":"fr","tags":["ia","cloud"],)"
        R"("snippet":"…la start-up parisienne, tant louée…","matches":[{"start":6,"end":14}],)"
        R"("also_in":[]})");

    const auto bare = nlohmann::json::parse(lines[1]);
    CHECK(bare["type"] == "hit");
    CHECK(bare["rank"] == 2);
    CHECK(bare["score"] == 3.5);
    CHECK(bare["path"] == "/corpus/say \"hi\".txt");
    CHECK(bare["article"] == 2);
    CHECK(bare["title"] == "Tab\there\nnewline");
    CHECK(bare["source"] == "");
    CHECK(bare["author"] == "");
    CHECK(bare["date"].is_null());
    CHECK(bare["lang"] == "en");
    CHECK(bare["tags"] == nlohmann::json::array());
    CHECK(bare["snippet"] == "Nothing matched here");
    CHECK(bare["matches"] == nlohmann::json::array());
    CHECK(bare["also_in"] == nlohmann::json::array());
}

TEST_CASE("json matches are byte offsets into the snippet", "[printer]") {
    const auto object = nlohmann::json::parse(print(OutputFormat::json, {full_hit()}));
    const std::string snippet = object["snippet"];
    REQUIRE(object["matches"].size() == 1);
    const std::size_t start = object["matches"][0]["start"];
    const std::size_t end = object["matches"][0]["end"];
    CHECK(snippet.substr(start, end - start) == "start-up");
}

TEST_CASE("json output survives a path that is not UTF-8", "[printer]") {
    Hit hit = full_hit();
    hit.clipping.path =
        "/corpus/caf\xe9"
        ".txt";  // Latin-1 "café"
    hit.clipping.title = "bad \xc3 byte";
    std::string out;
    REQUIRE_NOTHROW(out = print(OutputFormat::json, {hit}));
    CHECK(valid_utf8(out));
    const auto object = nlohmann::json::parse(out);
    CHECK(object["path"] == "/corpus/caf\uFFFD.txt");
    CHECK(object["title"] == "bad \uFFFD byte");
    CHECK(object["rank"] == 1);
}

TEST_CASE("json output lists the other copies with source, date, path, article", "[printer]") {
    const auto object = nlohmann::json::parse(print(OutputFormat::json, {dispatch_hit()}));
    const auto expected = nlohmann::json::parse(R"([
        {"source":"Le Monde","date":"2024-02-03","path":"/corpus/monde.txt","article":2},
        {"source":"Libération","date":null,"path":"/corpus/libe.txt","article":1},
        {"source":"","date":"2024-02-04","path":"/corpus/no\tsource.txt","article":1}])");
    CHECK(object["also_in"] == expected);
}

TEST_CASE("json summary: the last object, facets in count order", "[printer]") {
    const std::vector<std::string> lines =
        lines_of(print_answers(OutputFormat::json, {{"", {full_hit()}, facet_summary()}}));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] ==
          R"({"type":"summary","total":5,"elapsed_ms":12.346,"suggestion":null,)"
          R"("facets":{"source":{"Le Monde":3,"Les Echos":2},"year":{"2024":12345,"2023":1}}})");

    Summary suggested;
    suggested.suggestion = "mistral azure";
    const auto object =
        nlohmann::json::parse(print_answers(OutputFormat::json, {{"", {}, suggested}}));
    CHECK(object["type"] == "summary");
    CHECK(object["total"] == 0);
    CHECK(object["suggestion"] == "mistral azure");
    CHECK(object["facets"] == nlohmann::json::object());
}

TEST_CASE("json batch output: every object names its query", "[printer]") {
    const std::vector<std::string> lines = lines_of(
        print_answers(OutputFormat::json, {{"Mistral", {full_hit()}, facet_summary()},
                                           {"say \"hi\"", {bare_hit()}, facet_summary()}}));
    REQUIRE(lines.size() == 4);
    const char* const expected[] = {"Mistral", "Mistral", "say \"hi\"", "say \"hi\""};
    const char* const types[] = {"hit", "summary", "hit", "summary"};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO(lines[i]);
        // "query" comes right after "type".
        CHECK(lines[i].rfind(std::string(R"({"type":")") + types[i] + R"(","query":)", 0) == 0);
        const auto object = nlohmann::json::parse(lines[i]);
        CHECK(object["query"] == expected[i]);
    }
    // Outside batch mode there is no query field.
    const auto single = nlohmann::json::parse(print(OutputFormat::json, {full_hit()}));
    CHECK_FALSE(single.contains("query"));
}
