// Checks analysis/break_rules.hpp: iterators from ICU's compiled rules break as the locale's own.
#include "revue/analysis/break_rules.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

namespace {

std::vector<int> boundaries(icu::BreakIterator& it, const std::string& text) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    it.setText(u);
    std::vector<int> out;
    for (int b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) out.push_back(b);
    return out;
}

// Words with elisions, hyphens, numbers, abbreviations and Latin ligatures, sentences with
// "M." and guillemets: the cases the analyzer and the snippets rely on.
const std::vector<std::string> kTexts = {
    "L’intelligence artificielle d’Azure : 1 200,50 € le 3 mars, c’est-à-dire demain.",
    "M. Dupont a dit « non ». Puis il est parti ! Vraiment ? Oui… Fin.",
    "Start-ups, open source and e-mail: don't stop. Mr. Smith left at 3 p.m. Next one.",
    "Œuvre, cœur, ﬁnance — naïveté.\n\nNouveau paragraphe\nsans point final",
    "",
};

}  // namespace

TEST_CASE("break iterators from ICU's rules break as the locale's own", "[break_rules]") {
    for (const char* lang : {"fr", "en"}) {
        const icu::Locale locale(lang);
        UErrorCode err = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> words(
            icu::BreakIterator::createWordInstance(locale, err));
        std::unique_ptr<icu::BreakIterator> sentences(
            icu::BreakIterator::createSentenceInstance(locale, err));
        REQUIRE(U_SUCCESS(err));
        const auto our_words = revue::make_break_iterator(revue::BreakRules::word);
        const auto our_sentences = revue::make_break_iterator(revue::BreakRules::sentence);
        for (const auto& text : kTexts) {
            INFO(lang << ": " << text);
            CHECK(boundaries(*our_words, text) == boundaries(*words, text));
            CHECK(boundaries(*our_sentences, text) == boundaries(*sentences, text));
        }
    }
}

TEST_CASE("word and sentence rules differ", "[break_rules]") {
    const auto words = revue::make_break_iterator(revue::BreakRules::word);
    const auto sentences = revue::make_break_iterator(revue::BreakRules::sentence);
    const std::string text = "Deux mots. Une phrase.";
    CHECK(boundaries(*sentences, text) == std::vector<int>{0, 11, 22});
    CHECK(boundaries(*words, text) == std::vector<int>{0, 4, 5, 9, 10, 11, 14, 15, 21, 22});
}
