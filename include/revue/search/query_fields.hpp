// The fields a query may name ("title:mistral"), with their French names: the one list that
// the syntax check and the query parser read.
#pragma once

#include <array>
#include <string_view>

#include "revue/index/schema.hpp"

namespace revue {

struct QueryField {
    std::string_view name;
    std::string_view prefix;
    bool boolean;  // a filter, not weighed
};

inline constexpr std::array<QueryField, 9> kQueryFields = {{
    {"title", schema::kTitle, false},
    {"titre", schema::kTitle, false},
    {"source", schema::kSource, false},
    {"author", schema::kAuthor, false},
    {"auteur", schema::kAuthor, false},
    {"lang", schema::kLang, true},
    {"tag", schema::kTag, true},
    {"year", schema::kYear, true},
    {"annee", schema::kYear, true},
}};

// The range field: date:FROM..TO, date:2024-02.
inline constexpr std::string_view kDateField = "date";

}  // namespace revue
