#include "revue/printer.hpp"

#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using revue::Hit;
using revue::OutputFormat;
using revue::PrinterOptions;

namespace {

// A clipping with every field, a match on "start-up" in its snippet.
Hit full_hit() {
    Hit hit;
    hit.rank = 1;
    hit.score = 12.3456789;
    hit.clipping.path = "/corpus/challenges.txt";
    hit.clipping.article = 1;
    hit.clipping.source = "Challenges";
    hit.clipping.title = "Vents porteurs pour le français Mistral";
    hit.clipping.author = "G. F.";
    hit.clipping.date = "2024-02-29";
    hit.clipping.lang = "fr";
    hit.clipping.tags = {"ia", "cloud"};
    hit.snippet.text = "…la start-up parisienne, tant louée…";
    const std::size_t at = hit.snippet.text.find("start-up");
    hit.snippet.matches = {{at, at + 8}};
    return hit;
}

// The second article of a file whose name holds a quote, with a title holding a tab and a
// newline, and nothing else known.
Hit bare_hit() {
    Hit hit;
    hit.rank = 2;
    hit.score = 3.5;
    hit.clipping.path = "/corpus/say \"hi\".txt";
    hit.clipping.article = 2;
    hit.clipping.title = "Tab\there\nnewline";
    hit.clipping.lang = "en";
    hit.snippet.text = "Nothing matched here";
    return hit;
}

std::string print(OutputFormat format, const std::vector<Hit>& hits,
                  const PrinterOptions& options = {}) {
    std::ostringstream out;
    const auto printer = revue::make_printer(format, out, options);
    for (const Hit& hit : hits) printer->hit(hit);
    printer->finish();
    return out.str();
}

bool valid_utf8(const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
    return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ||
           U_SUCCESS(status);
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("output formats are named text, json, tsv and paths", "[printer]") {
    const auto [name, format] = GENERATE(table<std::string, OutputFormat>({
        {"text", OutputFormat::text},
        {"json", OutputFormat::json},
        {"tsv", OutputFormat::tsv},
        {"paths", OutputFormat::paths},
    }));
    CHECK(revue::output_format_from_name(name) == format);
}

TEST_CASE("an unknown output format is an error naming it", "[printer]") {
    const std::string name = GENERATE("xml", "", "JSON", "text ");
    CHECK_THROWS_WITH(revue::output_format_from_name(name),
                      "unknown format '" + name + "' (expected text, json, tsv or paths)");
    CHECK_THROWS_AS(revue::output_format_from_name(name), std::invalid_argument);
}

TEST_CASE("text output: one block per hit, blank line between", "[printer]") {
    const std::string expected =
        "1. Vents porteurs pour le français Mistral\n"
        "   Challenges · 2024-02-29 · G. F.\n"
        "   /corpus/challenges.txt\n"
        "   …la start-up parisienne, tant louée…\n"
        "\n"
        "2. Tab\\there\\nnewline\n"
        "   /corpus/say \"hi\".txt#2\n"
        "   Nothing matched here\n";
    CHECK(print(OutputFormat::text, {full_hit(), bare_hit()}) == expected);
}

TEST_CASE("text output with color: bold title, bold red matches", "[printer]") {
    PrinterOptions options;
    options.color = true;
    const std::string expected =
        "1. \x1b[1mVents porteurs pour le français Mistral\x1b[0m\n"
        "   Challenges · 2024-02-29 · G. F.\n"
        "   /corpus/challenges.txt\n"
        "   …la \x1b[1;31mstart-up\x1b[0m parisienne, tant louée…\n";
    CHECK(print(OutputFormat::text, {full_hit()}, options) == expected);
}

TEST_CASE("text output omits the empty parts of the source line", "[printer]") {
    Hit hit = full_hit();
    hit.clipping.date.clear();
    CHECK(lines_of(print(OutputFormat::text, {hit}))[1] == "   Challenges · G. F.");
    hit.clipping.source.clear();
    CHECK(lines_of(print(OutputFormat::text, {hit}))[1] == "   G. F.");
    hit.clipping.author.clear();
    CHECK(lines_of(print(OutputFormat::text, {hit}))[1] == "   /corpus/challenges.txt");
}

TEST_CASE("control characters never break a hit over extra lines", "[printer]") {
    Hit hit = full_hit();
    hit.clipping.path = "/corpus/two\nlines\r\x1b[31m.txt";
    hit.clipping.title = "A\u2028B\\C";
    hit.snippet.text = "one\ntwo";
    hit.snippet.matches = {{4, 7}};

    const std::vector<std::string> text = lines_of(print(OutputFormat::text, {hit}));
    REQUIRE(text.size() == 4);
    CHECK(text[0] == "1. A\\u2028B\\\\C");
    CHECK(text[2] == "   /corpus/two\\nlines\\r\\x1B[31m.txt");
    CHECK(text[3] == "   one\\ntwo");

    const std::vector<std::string> tsv = lines_of(print(OutputFormat::tsv, {hit}));
    REQUIRE(tsv.size() == 1);
    CHECK(tsv[0] == "1\t12.3457\t/corpus/two\\nlines\\r\\x1B[31m.txt\tA\\u2028B\\\\C");
}

TEST_CASE("text output: bad match ranges are clipped, not trusted", "[printer]") {
    PrinterOptions options;
    options.color = true;
    Hit hit = bare_hit();
    hit.snippet.matches = {{8, 15}, {0, 7}, {5, 3}, {16, 400}};  // unsorted, empty, too long
    const std::vector<std::string> lines = lines_of(print(OutputFormat::text, {hit}, options));
    REQUIRE(lines.size() == 3);
    CHECK(lines[2] == "   \x1b[1;31mNothing\x1b[0m \x1b[1;31mmatched\x1b[0m \x1b[1;31mhere\x1b[0m");
}

TEST_CASE("tsv output: rank, score with 4 decimals, path, escaped title", "[printer]") {
    const std::string expected =
        "1\t12.3457\t/corpus/challenges.txt\tVents porteurs pour le français Mistral\n"
        "2\t3.5000\t/corpus/say \"hi\".txt\tTab\\there\\nnewline\n";
    CHECK(print(OutputFormat::tsv, {full_hit(), bare_hit()}) == expected);
}

TEST_CASE("paths output: each file once, newline or NUL ended", "[printer]") {
    Hit first = full_hit();
    Hit second = full_hit();
    second.rank = 2;
    second.clipping.article = 3;
    Hit other = bare_hit();
    other.rank = 3;
    Hit odd = bare_hit();
    odd.rank = 4;
    odd.clipping.path = "/corpus/new\nline\xff.txt";  // raw bytes, as xargs wants them
    const std::vector<Hit> hits = {first, other, second, odd};

    CHECK(print(OutputFormat::paths, hits) ==
          "/corpus/challenges.txt\n/corpus/say \"hi\".txt\n/corpus/new\nline\xff.txt\n");

    PrinterOptions options;
    options.null_end = true;
    using namespace std::string_literals;
    CHECK(print(OutputFormat::paths, hits, options) ==
          "/corpus/challenges.txt\0/corpus/say \"hi\".txt\0/corpus/new\nline\xff.txt\0"s);
}

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

namespace {

// The same text printed in two more papers, one of them without a known date.
Hit dispatch_hit() {
    Hit hit = full_hit();
    revue::Clipping monde;
    monde.path = "/corpus/monde.txt";
    monde.article = 2;
    monde.source = "Le Monde";
    monde.date = "2024-02-03";
    revue::Clipping liberation;
    liberation.path = "/corpus/libe.txt";
    liberation.source = "Libération";
    revue::Clipping unnamed;
    unnamed.path = "/corpus/no\tsource.txt";
    unnamed.date = "2024-02-04";
    hit.also_in = {monde, liberation, unnamed};
    return hit;
}

revue::Summary facet_summary() {
    revue::Summary summary;
    summary.total = 5;
    summary.elapsed_ms = 12.3456789;
    summary.facets = {{"source", {{"Le Monde", 3}, {"Les Echos", 2}}},
                      {"year", {{"2024", 12345}, {"2023", 1}}}};
    return summary;
}

// Runs a printer through a whole answer: optional batch queries, hits, summary.
struct Answer {
    std::string query;  // empty: not in batch mode
    std::vector<Hit> hits;
    std::optional<revue::Summary> summary;
};

std::string print_answers(OutputFormat format, const std::vector<Answer>& answers,
                          const PrinterOptions& options = {}) {
    std::ostringstream out;
    const auto printer = revue::make_printer(format, out, options);
    for (const Answer& answer : answers) {
        if (!answer.query.empty()) printer->begin_query(answer.query);
        for (const Hit& hit : answer.hits) printer->hit(hit);
        if (answer.summary) printer->summary(*answer.summary);
    }
    printer->finish();
    return out.str();
}

}  // namespace

TEST_CASE("text output lists the other copies of a text on one line", "[printer]") {
    const std::vector<std::string> lines = lines_of(print(OutputFormat::text, {dispatch_hit()}));
    REQUIRE(lines.size() == 5);
    CHECK(lines[4] ==
          "   also in: Le Monde (2024-02-03), Libération, /corpus/no\\tsource.txt (2024-02-04)");
    CHECK(lines_of(print(OutputFormat::text, {full_hit()})).size() == 4);
}

TEST_CASE("json output lists the other copies with source, date, path, article", "[printer]") {
    const auto object = nlohmann::json::parse(print(OutputFormat::json, {dispatch_hit()}));
    const auto expected = nlohmann::json::parse(R"([
        {"source":"Le Monde","date":"2024-02-03","path":"/corpus/monde.txt","article":2},
        {"source":"Libération","date":null,"path":"/corpus/libe.txt","article":1},
        {"source":"","date":"2024-02-04","path":"/corpus/no\tsource.txt","article":1}])");
    CHECK(object["also_in"] == expected);
}

TEST_CASE("text summary: facet blocks by count, then the total", "[printer]") {
    const std::string expected =
        "1. Vents porteurs pour le français Mistral\n"
        "   Challenges · 2024-02-29 · G. F.\n"
        "   /corpus/challenges.txt\n"
        "   …la start-up parisienne, tant louée…\n"
        "\n"
        "source:\n"
        "   3  Le Monde\n"
        "   2  Les Echos\n"
        "\n"
        "year:\n"
        "12345  2024\n"
        "   1  2023\n"
        "\n"
        "5 matches\n";
    CHECK(print_answers(OutputFormat::text, {{"", {full_hit()}, facet_summary()}}) == expected);

    revue::Summary one;
    one.total = 1;
    CHECK(print_answers(OutputFormat::text, {{"", {}, one}}) == "1 match\n");
    revue::Summary none;
    CHECK(print_answers(OutputFormat::text, {{"", {}, none}}) == "0 matches\n");
}

TEST_CASE("text batch output: a header line per query, answers apart", "[printer]") {
    Hit second = bare_hit();
    second.rank = 1;
    const std::string expected =
        "## Mistral\n"
        "1. Vents porteurs pour le français Mistral\n"
        "   Challenges · 2024-02-29 · G. F.\n"
        "   /corpus/challenges.txt\n"
        "   …la start-up parisienne, tant louée…\n"
        "\n"
        "## nothing\\there\n"
        "\n"
        "## Tab\n"
        "1. Tab\\there\\nnewline\n"
        "   /corpus/say \"hi\".txt#2\n"
        "   Nothing matched here\n"
        "\n"
        "1 match\n";
    revue::Summary one;
    one.total = 1;
    CHECK(print_answers(OutputFormat::text, {{"Mistral", {full_hit()}, std::nullopt},
                                             {"nothing\there", {}, std::nullopt},
                                             {"Tab", {second}, one}}) == expected);
}

TEST_CASE("json summary: the last object, facets in count order", "[printer]") {
    const std::vector<std::string> lines =
        lines_of(print_answers(OutputFormat::json, {{"", {full_hit()}, facet_summary()}}));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] ==
          R"({"type":"summary","total":5,"elapsed_ms":12.346,"suggestion":null,)"
          R"("facets":{"source":{"Le Monde":3,"Les Echos":2},"year":{"2024":12345,"2023":1}}})");

    revue::Summary suggested;
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

TEST_CASE("tsv and paths output ignore queries and summaries", "[printer]") {
    const std::vector<Answer> answers = {{"Mistral", {full_hit()}, facet_summary()},
                                         {"other", {bare_hit()}, facet_summary()}};
    CHECK(print_answers(OutputFormat::paths, answers) ==
          "/corpus/challenges.txt\n/corpus/say \"hi\".txt\n");
    CHECK(print_answers(OutputFormat::tsv, answers) ==
          "1\t12.3457\t/corpus/challenges.txt\tVents porteurs pour le français Mistral\n"
          "2\t3.5000\t/corpus/say \"hi\".txt\tTab\\there\\nnewline\n");
}
