// Batches of queries: answered on threads as one searcher would, in order, bad lines named.
#include "revue/app/batch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/index/indexer.hpp"
#include "revue/readers/reader.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::TempDir;

namespace {

// An index of the query fixtures, built once for every test here.
const fs::path& fixture_index() {
    static const TempDir dir;
    static const fs::path db = [] {
        const fs::path path = dir.path / "index";
        Indexer indexer(path, read_clippings);
        indexer.index({fs::path(REVUE_FIXTURES) / "query"}, IndexOptions());
        return path;
    }();
    return db;
}

// What a line gave, in a form two runs can be compared by.
std::string describe(const BatchAnswer& a, bool count) {
    std::ostringstream out;
    out << a.line << " [" << a.query << "] ";
    if (a.error) return out.str() + "error: " + *a.error;
    if (count) return out.str() + std::to_string(a.answer.count);
    const SearchResult& r = a.answer.result;
    out << r.total << " " << r.suggestion;
    for (const Hit& hit : r.hits) {
        out << " | " << hit.rank << " " << hit.score << " " << hit.clipping.path << "#"
            << hit.clipping.article << " " << hit.snippet.text;
        for (const auto& [start, end] : hit.snippet.matches) out << " " << start << "-" << end;
        for (const Clipping& copy : hit.also_in) out << " also " << copy.path;
    }
    return out.str();
}

// The same lines answered one by one by a single searcher, as the batch must answer them.
std::vector<std::string> one_by_one(const std::string& input, const SearchRequest& base,
                                    bool count) {
    const Searcher searcher(fixture_index());
    std::vector<std::string> answers;
    std::istringstream in(input);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (line.back() == '\r') line.pop_back();
        BatchAnswer a;
        a.line = number;
        a.query = line;
        SearchRequest request = base;
        request.query = line;
        try {
            a.answer = answer_query(searcher, request, count);
        } catch (const BadQuery& e) {
            a.error = e.what();
        }
        answers.push_back(describe(a, count));
    }
    return answers;
}

std::vector<std::string> batched(const std::string& input, const SearchRequest& base, bool count,
                                 unsigned threads) {
    BatchOptions options;
    options.request = base;
    options.count = count;
    options.threads = threads;
    std::istringstream in(input);
    std::vector<std::string> answers;
    run_batch(fixture_index(), in, options, [&](BatchAnswer& a) {
        CHECK_FALSE(a.failure);
        answers.push_back(describe(a, count));
        return true;
    });
    return answers;
}

// Queries that find much, little, nothing, or are malformed; blank lines and a CRLF ending.
const std::string kQueries =
    "mistral\n"
    "azure microsoft\n"
    "\n"
    "\"start-up parisienne\"\r\n"
    "   \n"
    "mistral AND\n"
    "dépêche\n"
    "zzzinconnu\n"
    "régulateurs OR regulators\n"
    "(mistral\n"
    "intelligence artificielle\n"
    "ovh NOT azure\n";

}  // namespace

TEST_CASE("a batch answers like one query after another, in input order", "[batch]") {
    std::string input;
    for (int i = 0; i < 12; ++i) input += kQueries;  // more lines than are read ahead
    SearchRequest request;
    request.limit = 3;
    const auto expected = one_by_one(input, request, false);
    REQUIRE(expected.size() == 12 * 10);
    const unsigned threads = GENERATE(1u, 2u, 5u);
    CAPTURE(threads);
    CHECK(batched(input, request, false, threads) == expected);
}

TEST_CASE("a counting batch counts like one query after another", "[batch]") {
    SearchRequest request;
    const auto expected = one_by_one(kQueries, request, true);
    CHECK(batched(kQueries, request, true, 3) == expected);
}

TEST_CASE("a count is the exact total of the search", "[batch]") {
    const auto totals = [](bool count) {
        BatchOptions options;
        options.count = count;
        options.request.exact_total = true;
        options.threads = 2;
        std::istringstream in(kQueries);
        std::vector<std::string> found;
        run_batch(fixture_index(), in, options, [&](BatchAnswer& a) {
            found.push_back(
                a.error ? "error" : std::to_string(count ? a.answer.count : a.answer.result.total));
            return true;
        });
        return found;
    };
    const auto counted = totals(true);
    CHECK(counted == totals(false));
    // Not only nothing everywhere: several queries find clippings.
    CHECK(std::count_if(counted.begin(), counted.end(),
                        [](const std::string& n) { return n != "0" && n != "error"; }) >= 4);
}

TEST_CASE("a bad line says which it is, and the others are answered", "[batch]") {
    std::vector<BatchAnswer> answers;
    BatchOptions options;
    options.threads = 2;
    std::istringstream in("mistral\n\nmistral AND\nazure\n");
    run_batch(fixture_index(), in, options, [&](BatchAnswer& a) {
        answers.push_back(std::move(a));
        return true;
    });
    REQUIRE(answers.size() == 3);
    CHECK(answers[0].line == 1);
    CHECK_FALSE(answers[0].error);
    CHECK(answers[0].answer.result.total > 0);
    CHECK(answers[1].line == 3);  // the blank line counts
    REQUIRE(answers[1].error);
    CHECK_THAT(*answers[1].error, Catch::Contains("AND"));
    CHECK(answers[2].line == 4);
    CHECK(answers[2].query == "azure");
    CHECK(answers[2].answer.result.total > 0);
}

namespace {

// Input arriving a line at a time, as from a program that waits for each answer before it
// writes its next query: it notes, at each line it gives, how many answers were delivered.
class LineByLine : public std::streambuf {
  public:
    LineByLine(std::vector<std::string> lines, const int& delivered)
        : lines_(std::move(lines)), delivered_(delivered) {}
    std::vector<int> delivered_at_reads;

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        delivered_at_reads.push_back(delivered_);
        if (next_ >= lines_.size()) return traits_type::eof();
        current_ = lines_[next_++] + "\n";
        setg(current_.data(), current_.data(), current_.data() + current_.size());
        return traits_type::to_int_type(*gptr());
    }
    std::streamsize showmanyc() override { return 0; }  // the next line may have to wait

  private:
    std::vector<std::string> lines_;
    const int& delivered_;
    std::size_t next_ = 0;
    std::string current_;
};

}  // namespace

TEST_CASE("each answer is out before the batch waits for the next line", "[batch]") {
    int delivered = 0;
    LineByLine input({"mistral", "azure", "mistral AND", "ovh", "cloud"}, delivered);
    std::istream in(&input);
    BatchOptions options;
    options.threads = 3;
    run_batch(fixture_index(), in, options, [&](BatchAnswer&) {
        ++delivered;
        return true;
    });
    CHECK(delivered == 5);
    CHECK(input.delivered_at_reads == std::vector<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("a batch stops when its output is closed", "[batch]") {
    std::string input;
    for (int i = 0; i < 200; ++i) input += "mistral\n";
    BatchOptions options;
    options.threads = 2;
    std::istringstream in(input);
    int delivered = 0;
    run_batch(fixture_index(), in, options, [&](BatchAnswer&) { return ++delivered < 5; });
    CHECK(delivered == 5);
}

TEST_CASE("an error while delivering ends the batch and reaches the caller", "[batch]") {
    std::istringstream in("mistral\nazure\novh\n");
    BatchOptions options;
    options.threads = 2;
    int delivered = 0;
    CHECK_THROWS_WITH(run_batch(fixture_index(), in, options,
                                [&](BatchAnswer&) -> bool {
                                    if (++delivered == 2) throw std::runtime_error("disk full");
                                    return true;
                                }),
                      "disk full");
    CHECK(delivered == 2);
}

TEST_CASE("a batch on a missing index fails before reading a line", "[batch]") {
    TempDir t;
    std::istringstream in("mistral\n");
    bool delivered = false;
    CHECK_THROWS_AS(run_batch(t.path / "none", in, BatchOptions(),
                              [&](BatchAnswer&) { return delivered = true; }),
                    NoIndex);
    CHECK_FALSE(delivered);
    CHECK(in.tellg() == 0);
}
