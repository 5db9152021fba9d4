// The languages revue analyses, each with its stemmer and stop list, and their ISO codes.
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace revue {

enum class Language { french, english };

// Every language with its ISO 639-1 code: the one list that `--lang`, the query's language
// branches and the index's language terms follow.
inline constexpr std::array<std::pair<std::string_view, Language>, 2> kLanguages = {{
    {"fr", Language::french},
    {"en", Language::english},
}};

// "fr" -> french, "en", "en-GB", "EN_us" -> english; anything else -> french (the corpus
// default).
Language language_from_code(std::string_view code);
std::string_view language_code(Language lang);

}  // namespace revue
