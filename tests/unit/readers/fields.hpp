// What the reader tests compare: the fields a reader found, written one a line.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "revue/core/clipping.hpp"
#include "revue/core/text.hpp"

namespace revue::testing {

// "name: value" for every field that is not empty, in for_each_field's order; path and article
// (the caller's) are left out. A field a test does not name must then be empty.
inline std::string fields(const Clipping& c) {
    std::string out;
    for_each_field(c, [&](std::string_view name, const auto& value) {
        using Field = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Field, std::string>) {
            if (name != "path" && !value.empty()) out.append(name).append(": ") += value + "\n";
        } else if constexpr (!std::is_same_v<Field, int>) {
            if (!value.empty()) out.append(name).append(": ") += join(value, ", ") + "\n";
        }
    });
    return out;
}

}  // namespace revue::testing
