// Checks output/printer.hpp and printers.hpp: format names, and escaping common to the printers.
#include "revue/output/printer.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "hits.hpp"
#include "revue/core/errors.hpp"
#include "revue/output/printers.hpp"

using namespace revue;
using namespace revue::testing;

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
    CHECK_THROWS_AS(revue::output_format_from_name(name), BadOption);
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

TEST_CASE("make_printer gives the printer of each format", "[printer]") {
    const std::vector<Hit> hits = {full_hit(), bare_hit()};
    const auto through = [&](std::unique_ptr<revue::Printer> printer, std::ostringstream& out) {
        for (const Hit& hit : hits) printer->hit(hit);
        printer->finish();
        return out.str();
    };
    std::ostringstream text, json, tsv, paths;
    const PrinterOptions options;
    CHECK(print(OutputFormat::text, hits) ==
          through(revue::make_text_printer(text, options), text));
    CHECK(print(OutputFormat::json, hits) == through(revue::make_json_printer(json), json));
    CHECK(print(OutputFormat::tsv, hits) == through(revue::make_tsv_printer(tsv), tsv));
    CHECK(print(OutputFormat::paths, hits) ==
          through(revue::make_paths_printer(paths, options), paths));
    // The four formats print four different things.
    CHECK(text.str() != json.str());
    CHECK(json.str() != tsv.str());
    CHECK(tsv.str() != paths.str());
}
