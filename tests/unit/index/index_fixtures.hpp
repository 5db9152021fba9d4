// What the index tests share: a clipping with every field set, and its fields as text.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/core/text.hpp"

namespace revue::testing {

// Every field set, the path of any bytes (not only UTF-8), words of the title and the body
// that the document tests look for.
inline Clipping sample_clipping() {
    Clipping c;
    c.path = "/clips/bad\xff name\n.txt";
    c.article = 3;
    c.source = "Challenges";
    c.title = "Vents porteurs pour Azure";
    c.deck = "Les modèles de pointe";
    c.author = "G. F.";
    c.date = "2024-02-29";
    c.lang = "fr";
    c.country = "France";
    c.body = "L’intelligence artificielle générative.\n\nSecond « paragraphe ».";
    c.caption = "Codeurs de Mistral AI à Paris";
    c.tags = {"IA", "cloud"};
    return c;
}

// "name: value" for every field, in the order records list them.
inline std::vector<std::string> fields(const Clipping& c) {
    std::vector<std::string> out;
    for_each_field(c, [&](std::string_view name, const auto& value) {
        using T = std::decay_t<decltype(value)>;
        std::string text;
        if constexpr (std::is_same_v<T, int>) {
            text = std::to_string(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            text = value;
        } else {
            text = join(value, "|");
        }
        out.push_back(std::string(name) + ": " + text);
    });
    return out;
}

}  // namespace revue::testing
