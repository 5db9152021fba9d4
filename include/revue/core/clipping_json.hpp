// A clipping as JSON: what `revue show --format json` prints, and the one rule for its date.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "revue/core/clipping.hpp"

namespace revue {

// A date as JSON: "YYYY-MM-DD", or null when unknown.
template <class Json = nlohmann::json>
Json date_json(const std::string& date) {
    return date.empty() ? Json() : Json(date);
}

// Every field of the clipping (for_each_field), an unknown date as null. nlohmann's to_json
// hook, so that nlohmann::json(clipping) works.
void to_json(nlohmann::json& out, const Clipping& c);

}  // namespace revue
