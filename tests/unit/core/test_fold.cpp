// Checks core/fold.hpp: the fold for matching (case, accents, ligatures, apostrophes, spaces).
#include <catch2/catch.hpp>

#include <string>

#include "revue/core/fold.hpp"

TEST_CASE("fold: case, accents, ligatures, apostrophes, compatibility forms", "[fold]") {
    const auto [text, folded] = GENERATE(table<std::string, std::string>({
        // accents and case
        {"L’Élysée", "l'elysee"},
        {"FÉVRIER", "fevrier"},
        {"Français", "francais"},
        {"ÉLYSÉE", "elysee"},
        {"ÀÉÎÕÜ", "aeiou"},
        {"e\u0301", "e"},  // a combining accent
        {"Straße", "strasse"},
        {"Ñandú", "nandu"},
        // ligatures: œ and æ have no decomposition, ﬁ and ﬂ a compatibility one
        {"cœur", "coeur"},
        {"Œuvre", "oeuvre"},
        {"ŒUVRE", "oeuvre"},
        {"Lætitia", "laetitia"},
        {"Æ", "ae"},
        {"\u01E2", "ae"},  // Ǣ: æ with a macron
        {"ﬁnance", "finance"},
        {"ﬁﬂ", "fifl"},
        // apostrophes, all written '
        {"aujourd’hui", "aujourd'hui"},
        {"l‘autre", "l'autre"},
        {"l‛a", "l'a"},
        {"lʼa", "l'a"},
        {"’‘‛ʼ'", "'''''"},
        {"\"guillemets\"", "\"guillemets\""},  // a quote is no apostrophe
        // compatibility forms and default-ignorables
        {"1ᵉʳ", "1er"},
        {"a\u00A0b", "a b"},                     // no-break space
        {"a\u202Fb", "a b"},                     // narrow no-break space
        {"intel\u00ADligence", "intelligence"},  // the soft hyphen is dropped
        // ASCII is only lowercased
        {"ABC-def 42", "abc-def 42"},
        {"Intelligence Artificielle", "intelligence artificielle"},
        {"", ""},
    }));
    CAPTURE(text);
    CHECK(revue::fold(text) == folded);
}

TEST_CASE("fold_into writes the fold alone into a reused buffer", "[fold]") {
    std::string out = "left over from before";
    revue::fold_into("ÉTÉ", out);
    CHECK(out == "ete");
    revue::fold_into("ASCII", out);
    CHECK(out == "ascii");
    revue::fold_into("", out);
    CHECK(out.empty());
}

TEST_CASE("is_apostrophe: the five apostrophes text is typed with", "[fold]") {
    const auto [c, apostrophe] = GENERATE(table<char32_t, bool>({
        {U'\'', true},
        {U'\u2019', true},  // ’
        {U'\u2018', true},  // ‘
        {U'\u201B', true},  // ‛
        {U'\u02BC', true},  // ʼ
        {U'"', false},
        {U'`', false},
        {U'\u00B4', false},  // acute accent
        {U'\u2032', false},  // prime
        {U'a', false},
    }));
    CAPTURE(static_cast<unsigned>(c));
    CHECK(revue::is_apostrophe(c) == apostrophe);
}
