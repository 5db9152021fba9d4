#include "revue/output/printer.hpp"

#include "revue/core/names.hpp"

namespace revue {

OutputFormat output_format_from_name(std::string_view name) {
    return value_named(kOutputFormats, name, "format");
}

}  // namespace revue
