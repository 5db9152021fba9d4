// The one folding of text for matching, shared by the analyzer, the highlighter and the date
// parser: what a reader typing without accents or capitals would write for the same words.
#pragma once

#include <string>
#include <string_view>

namespace revue {

// The apostrophes French and English text is typed with: ' ’ ‘ ‛ ʼ. Folding writes them '.
bool is_apostrophe(char32_t c);

// NFKC_Casefold with accents dropped: case, compatibility forms ("ﬁ", "1ᵉʳ", no-break spaces)
// and default-ignorables (the soft hyphen) folded, combining marks removed, œ and æ written
// "oe" and "ae", apostrophes written '. ASCII is only lowercased (ICU is not loaded for it).
// "L’Élysée" -> "l'elysee", "FÉVRIER" -> "fevrier", "Œuvre" -> "oeuvre".
std::string fold(std::string_view text);
void fold_into(std::string_view text, std::string& out);

}  // namespace revue
