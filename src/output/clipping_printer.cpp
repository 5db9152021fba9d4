#include "revue/output/clipping_printer.hpp"

#include <string>
#include <type_traits>

#include "revue/core/clipping_json.hpp"
#include "revue/core/text.hpp"
#include "revue/output/escape.hpp"

namespace revue {
namespace {

// The fields one a line, those that are known, then the text: the path escaped (it may hold
// any bytes), the others as read.
void print_text(std::ostream& out, const Clipping& c) {
    const auto line = [&](std::string_view name, const std::string& value) {
        if (!value.empty()) out << name << ": " << value << '\n';
    };
    for_each_field(c, [&](std::string_view name, const auto& value) {
        using Field = std::decay_t<decltype(value)>;
        if (name == "body" || name == "caption") return;
        if constexpr (std::is_same_v<Field, int>) {
            line(name, std::to_string(value));
        } else if constexpr (std::is_same_v<Field, std::string>) {
            line(name, name == "path" ? escape_field(value) : value);
        } else {
            line(name, join(value, ", "));
        }
    });
    out << '\n' << c.body << '\n';
    if (!c.caption.empty()) out << "\ncaption: " << c.caption << '\n';
}

}  // namespace

void print_clippings(std::ostream& out, const std::vector<Clipping>& clippings,
                     ClippingFormat format) {
    bool first = true;
    for (const auto& c : clippings) {
        if (format == ClippingFormat::json) {
            nlohmann::json object = c;
            object["type"] = "clipping";
            out << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            if (!first) out << "\n---\n\n";
            print_text(out, c);
        }
        first = false;
    }
}

void print_stats(std::ostream& out, std::string_view index, const IndexStats& s) {
    out << "index:     " << escape_field(index) << '\n'
        << "clippings: " << s.clippings << '\n'
        << "terms:     " << s.terms << '\n'
        << "size:      " << s.bytes << " bytes\n";
    for (const auto& folder : s.folders) out << "folder:    " << escape_field(folder) << '\n';
}

}  // namespace revue
