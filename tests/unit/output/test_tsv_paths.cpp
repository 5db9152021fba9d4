// Checks the tsv and paths printers (output/printers.hpp): one line per hit, one path per file.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "hits.hpp"

using namespace revue;
using namespace revue::testing;

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

TEST_CASE("tsv and paths output ignore queries and summaries", "[printer]") {
    const std::vector<Answer> answers = {{"Mistral", {full_hit()}, facet_summary()},
                                         {"other", {bare_hit()}, facet_summary()}};
    CHECK(print_answers(OutputFormat::paths, answers) ==
          "/corpus/challenges.txt\n/corpus/say \"hi\".txt\n");
    CHECK(print_answers(OutputFormat::tsv, answers) ==
          "1\t12.3457\t/corpus/challenges.txt\tVents porteurs pour le français Mistral\n"
          "2\t3.5000\t/corpus/say \"hi\".txt\tTab\\there\\nnewline\n");
}
