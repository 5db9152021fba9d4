#include "revue/core/clipping_json.hpp"

namespace revue {

void to_json(nlohmann::json& out, const Clipping& c) {
    out = nlohmann::json::object();
    for_each_field(c, [&](std::string_view name, const auto& value) {
        if (name == "date") {
            out[std::string(name)] = date_json(c.date);
        } else {
            out[std::string(name)] = value;
        }
    });
}

}  // namespace revue
