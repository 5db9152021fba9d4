// Checks core/clipping.hpp and clipping_json.hpp: the one list of fields, and a clipping as JSON.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/core/clipping_json.hpp"

using revue::Clipping;

namespace {

// The documented order, written out by hand.
const std::vector<std::string> kFields = {"path", "article", "source",  "title", "deck", "author",
                                          "date", "lang",    "country", "tags",  "body", "caption"};

// Converts to any member type: how many of them brace-initialise a Clipping is how many
// members it has, so a member added to Clipping and not to for_each_field is caught.
struct AnyField {
    template <class T>
    operator T() const {
        return T{};
    }
};

template <class T, class Indices, class = void>
struct BraceCount : std::false_type {};
template <class T, std::size_t... I>
struct BraceCount<T, std::index_sequence<I...>,
                  std::void_t<decltype(T{(static_cast<void>(I), AnyField{})...})>>
    : std::true_type {};
template <class T, std::size_t N>
constexpr bool has_members = BraceCount<T, std::make_index_sequence<N>>::value;

// Every field set to a value of its own, in the order Clipping declares them.
Clipping full_clipping() {
    return Clipping{"/corpus/a.txt", 3,           "Les Echos",   "Le titre",
                    "Le chapeau.",   "G. F.",     "2024-02-29",  "fr",
                    "France",        "Le corps.", "La légende.", {"ia", "cloud"}};
}

}  // namespace

TEST_CASE("for_each_field visits every field once, in the documented order", "[clipping]") {
    Clipping c = full_clipping();
    std::vector<std::string> names;
    for_each_field(c, [&](std::string_view name, const auto&) { names.emplace_back(name); });
    CHECK(names == kFields);
    STATIC_REQUIRE(has_members<Clipping, 12>);
    STATIC_REQUIRE_FALSE(has_members<Clipping, 13>);
    CHECK(kFields.size() == 12);
}

TEST_CASE("for_each_field hands each name its own member, writable", "[clipping]") {
    Clipping c;
    std::map<std::string, const void*> seen;
    for_each_field(c, [&](std::string_view name, auto& value) {
        seen[std::string(name)] = &value;
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>)
            value = "<" + std::string(name) + ">";
    });
    const std::map<std::string, const void*> members = {
        {"path", &c.path},   {"article", &c.article}, {"source", &c.source},
        {"title", &c.title}, {"deck", &c.deck},       {"author", &c.author},
        {"date", &c.date},   {"lang", &c.lang},       {"country", &c.country},
        {"tags", &c.tags},   {"body", &c.body},       {"caption", &c.caption}};
    CHECK(seen == members);
    CHECK(c.title == "<title>");
    CHECK(c.caption == "<caption>");
}

TEST_CASE("a clipping as JSON holds every field, and nothing else", "[clipping]") {
    const nlohmann::json json = full_clipping();
    const auto expected = nlohmann::json::parse(R"({
        "path": "/corpus/a.txt", "article": 3, "source": "Les Echos", "title": "Le titre",
        "deck": "Le chapeau.", "author": "G. F.", "date": "2024-02-29", "lang": "fr",
        "country": "France", "tags": ["ia", "cloud"], "body": "Le corps.",
        "caption": "La légende."})");
    CHECK(json == expected);
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items()) keys.push_back(key);
    std::vector<std::string> sorted_fields = kFields;
    std::sort(sorted_fields.begin(), sorted_fields.end());
    CHECK(keys == sorted_fields);  // nlohmann::json keeps its keys sorted
}

TEST_CASE("an unknown date is null in JSON, other empty fields stay strings", "[clipping]") {
    const nlohmann::json json = Clipping{};
    CHECK(json.size() == kFields.size());
    CHECK(json["date"].is_null());
    CHECK(json["path"] == "");
    CHECK(json["title"] == "");
    CHECK(json["article"] == 1);
    CHECK(json["tags"] == nlohmann::json::array());
    CHECK(revue::date_json("").is_null());
    CHECK(revue::date_json("2024-03-01") == "2024-03-01");
    CHECK(revue::date_json<nlohmann::ordered_json>("").is_null());
}
