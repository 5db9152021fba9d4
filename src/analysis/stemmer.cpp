#include "revue/analysis/stemmer.hpp"

#include <array>
#include <optional>

#include "revue/core/text.hpp"

namespace revue {
namespace {

const char* snowball_name(Language lang) {
    return lang == Language::english ? "english" : "french";
}

// The Snowball stemmer plus the corrections it needs on folded French.
std::string corrected_stem(const Xapian::Stem& snowball, Language lang, const std::string& folded) {
    std::string stem = snowball(folded);
    if (lang != Language::french) return stem;
    // Snowball's residual step drops one final "e"/"es" and stops, so "francaise" gives
    // "francais" while "francais" gives "franc", "premiere" gives "premier" while "premier"
    // gives "premi", and "developpee" (folded "développée") keeps an "e" that "developpe"
    // loses. When that drop is all it did, what is left is the masculine form: stem it again,
    // but keep the result only for the endings that are the masculine of "-ée", "-ère" and
    // "-aise". Not "-is": "maitrise" must stay with "maitriser", not become "maitr".
    const std::string_view word(folded);
    const bool only_e = ends_with(word, "e") && stem.size() + 1 == word.size();
    const bool only_es = ends_with(word, "es") && stem.size() + 2 == word.size();
    if ((only_e || only_es) && starts_with(word, stem)) {
        const std::string again = snowball(stem);
        const std::string_view dropped = std::string_view(stem).substr(again.size());
        if (starts_with(stem, again) && (dropped == "e" || dropped == "er" || dropped == "ais")) {
            stem = again;
        }
    }
    // Snowball leaves the present plural "-ent" alone ("maitrisent", "parlent"). Stripping it
    // from long stems joins them with their verbs; it also merges "-ent" nouns and adjectives
    // with their family ("president"/"presider", "intelligent"/"intelligence"), which a
    // reader accepts. Short stems keep it: "parent", "moment", "client", "argent".
    constexpr std::size_t kMinEntStem = 4;
    if (ends_with(stem, "ent") && stem.size() >= kMinEntStem + 3) stem.resize(stem.size() - 3);
    return stem;
}

std::size_t slot_of(Language lang) {
    return lang == Language::english ? 1 : 0;
}

// One Snowball stemmer per thread and language: a Xapian::Stem keeps state while stemming.
const Xapian::Stem& thread_snowball(Language lang) {
    thread_local std::array<std::optional<Xapian::Stem>, 2> stemmers;
    auto& slot = stemmers[slot_of(lang)];
    if (!slot) slot.emplace(snowball_name(lang));
    return *slot;
}

// What QueryParser calls: exactly stem(), on its own Snowball instance.
class CorrectedStem final : public Xapian::StemImplementation {
  public:
    explicit CorrectedStem(Language lang) : lang_(lang), snowball_(snowball_name(lang)) {}

    std::string operator()(const std::string& word) override {
        return corrected_stem(snowball_, lang_, word);
    }
    std::string get_description() const override {
        return std::string("revue::CorrectedStem(") + snowball_name(lang_) + ")";
    }

  private:
    Language lang_;
    Xapian::Stem snowball_;
};

}  // namespace

std::string stem(Language lang, const std::string& folded) {
    return corrected_stem(thread_snowball(lang), lang, folded);
}

Xapian::Stem xapian_stemmer(Language lang) {
    // Xapian's API: the Stem takes ownership of the implementation through its intrusive
    // reference count, so a raw new is the documented way to hand it over.
    return Xapian::Stem(new CorrectedStem(lang));
}

}  // namespace revue
