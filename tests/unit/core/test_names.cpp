// Checks core/names.hpp: looking values up by name, names of values, and the lists users read.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/core/names.hpp"

namespace {

enum class Colour { red, green, blue, black };

constexpr std::array<std::pair<std::string_view, Colour>, 3> kColours = {{
    {"a", Colour::red},
    {"b", Colour::green},
    {"c", Colour::blue},
}};
constexpr std::array<std::pair<std::string_view, int>, 1> kOne = {{{"only", 1}}};
constexpr std::array<std::pair<std::string_view, int>, 2> kTwo = {{{"yes", 1}, {"no", 0}}};
constexpr std::array<std::pair<std::string_view, int>, 0> kNone = {};

}  // namespace

TEST_CASE("value_named finds the value of a name", "[names]") {
    CHECK(revue::value_named(kColours, "a", "colour") == Colour::red);
    CHECK(revue::value_named(kColours, "b", "colour") == Colour::green);
    CHECK(revue::value_named(kColours, "c", "colour") == Colour::blue);
    CHECK(revue::value_named(kTwo, "no", "answer") == 0);
}

TEST_CASE("value_named throws BadOption naming what was asked and what is known", "[names]") {
    const std::string name = GENERATE("x", "", "A", "a ");
    CHECK_THROWS_MATCHES(
        revue::value_named(kColours, name, "colour"), revue::BadOption,
        Catch::Matchers::Message("unknown colour '" + name + "' (expected a, b or c)"));
}

TEST_CASE("name_of gives the name of a value, or nothing", "[names]") {
    CHECK(revue::name_of(kColours, Colour::red) == "a");
    CHECK(revue::name_of(kColours, Colour::blue) == "c");
    CHECK(revue::name_of(kColours, Colour::black).empty());
    CHECK(revue::name_of(kTwo, 0) == "no");
}

TEST_CASE("names_of and names_list follow the table's order", "[names]") {
    CHECK(revue::names_of(kColours) == std::vector<std::string>{"a", "b", "c"});
    CHECK(revue::names_of(kNone).empty());
    CHECK(revue::names_list(kColours) == "a, b or c");
    CHECK(revue::names_list(kTwo) == "yes or no");
    CHECK(revue::names_list(kOne) == "only");
    CHECK(revue::names_list(kNone).empty());
    const std::vector<std::pair<std::string, int>> four = {{"w", 0}, {"x", 1}, {"y", 2}, {"z", 3}};
    CHECK(revue::names_list(four) == "w, x, y or z");
}
