// Checks the text printer: a block per hit, colours, copies, summaries, batch answers.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "hits.hpp"

using namespace revue;
using namespace revue::testing;

namespace {

// The text block of full_hit().
const std::string kFullHitBlock =
    "1. Vents porteurs pour le français Mistral\n"
    "   Challenges · 2024-02-29 · G. F.\n"
    "   /corpus/challenges.txt\n"
    "   …la start-up parisienne, tant louée…\n";

}  // namespace

TEST_CASE("text output: one block per hit, blank line between", "[printer]") {
    const std::string expected = kFullHitBlock +
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

TEST_CASE("text output: bad match ranges are clipped, not trusted", "[printer]") {
    PrinterOptions options;
    options.color = true;
    Hit hit = bare_hit();
    hit.snippet.matches = {{8, 15}, {0, 7}, {5, 3}, {16, 400}};  // unsorted, empty, too long
    const std::vector<std::string> lines = lines_of(print(OutputFormat::text, {hit}, options));
    REQUIRE(lines.size() == 3);
    CHECK(lines[2] == "   \x1b[1;31mNothing\x1b[0m \x1b[1;31mmatched\x1b[0m \x1b[1;31mhere\x1b[0m");
}

TEST_CASE("text output lists the other copies of a text on one line", "[printer]") {
    const std::vector<std::string> lines = lines_of(print(OutputFormat::text, {dispatch_hit()}));
    REQUIRE(lines.size() == 5);
    CHECK(lines[4] ==
          "   also in: Le Monde (2024-02-03), Libération, /corpus/no\\tsource.txt (2024-02-04)");
    CHECK(lines_of(print(OutputFormat::text, {full_hit()})).size() == 4);
}

TEST_CASE("text summary: facet blocks by count, then the total", "[printer]") {
    const std::string expected = kFullHitBlock +
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

    Summary one;
    one.total = 1;
    CHECK(print_answers(OutputFormat::text, {{"", {}, one}}) == "1 match\n");
    Summary none;
    CHECK(print_answers(OutputFormat::text, {{"", {}, none}}) == "0 matches\n");
}

TEST_CASE("text batch output: a header line per query, answers apart", "[printer]") {
    Hit second = bare_hit();
    second.rank = 1;
    const std::string expected = "## Mistral\n" + kFullHitBlock +
                                 "\n"
                                 "## nothing\\there\n"
                                 "\n"
                                 "## Tab\n"
                                 "1. Tab\\there\\nnewline\n"
                                 "   /corpus/say \"hi\".txt#2\n"
                                 "   Nothing matched here\n"
                                 "\n"
                                 "1 match\n";
    Summary one;
    one.total = 1;
    CHECK(print_answers(OutputFormat::text, {{"Mistral", {full_hit()}, std::nullopt},
                                             {"nothing\there", {}, std::nullopt},
                                             {"Tab", {second}, one}}) == expected);
}

TEST_CASE("text output names a hit without a title (untitled)", "[printer]") {
    Hit hit = bare_hit();
    hit.clipping.title.clear();
    CHECK(lines_of(print(OutputFormat::text, {hit}))[0] == "2. (untitled)");
}
