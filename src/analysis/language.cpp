#include "revue/analysis/language.hpp"

#include "revue/core/names.hpp"
#include "revue/core/text.hpp"

namespace revue {

Language language_from_code(std::string_view code) {
    // Only the primary subtag counts.
    const std::string primary = ascii_lower(code.substr(0, code.find_first_of("-_")));
    for (const auto& [name, lang] : kLanguages)
        if (primary == name) return lang;
    return Language::french;
}

std::string_view language_code(Language lang) {
    return name_of(kLanguages, lang);
}

}  // namespace revue
