// Which language a text is written in (CLD2), and language tags or names as declared in
// files ("fr-FR", "French") turned into the ISO 639-1 codes the index uses.
#pragma once

#include <string>
#include <string_view>

namespace revue {

// "fr", "en", … for UTF-8 text; "" when CLD2 is not sure or the text is too short to tell
// (a few words are often misread, so under kMinDetectBytes of letters gives "").
std::string detect_language(std::string_view utf8_text);

// Letters CLD2 must have scored before its answer is trusted.
inline constexpr int kMinDetectBytes = 100;

// "fr", "FR", "fr-FR", "fr_CA", "fra", "French" → "fr"; "" when not a known language.
std::string normalize_language(std::string_view tag_or_name);

}  // namespace revue
