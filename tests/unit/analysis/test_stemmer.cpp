// Checks analysis/stemmer.hpp: forms a reader sees as one word share a stem, on every path.
#include "revue/analysis/stemmer.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "revue/analysis/analyzer.hpp"

using revue::Analyzer;
using revue::Language;

namespace {

const Analyzer& fr() {
    return revue::analyzer_for(Language::french);
}

}  // namespace

TEST_CASE("stem: forms a reader sees as one word share a stem", "[stemmer]") {
    struct Row {
        Language lang;
        std::string query;
        std::string document;
        bool same;
    };
    const auto F = Language::french;
    const auto E = Language::english;
    const std::vector<Row> rows = {
        {F, "francais", "française", true},
        {F, "francais", "françaises", true},
        {F, "francais", "Français", true},
        {F, "francaise", "FRANÇAIS", true},
        {F, "developpes", "développés", true},
        {F, "developper", "développés", true},
        {F, "developpe", "développés", true},
        {F, "developpee", "développés", true},
        {F, "developpees", "développés", true},
        {F, "developpement", "développés", true},
        {F, "modele", "modèles", true},
        {F, "modeles", "modèle", true},
        {F, "reglementation", "réglementations", true},
        {F, "maitrisent", "maîtriser", true},
        {F, "maitrise", "maîtrisent", true},
        {F, "maitriser", "maîtrise", true},
        {F, "regulateur", "régulateurs", true},
        {F, "regulateurs", "régulateur", true},
        {F, "intelligence", "intelligences", true},
        {F, "elysee", "Élysée", true},
        {F, "securite", "sécurité", true},
        {F, "generative", "génératives", true},
        {F, "europeen", "européenne", true},
        {F, "premier", "première", true},
        {F, "anglais", "anglaise", true},
        {F, "japonais", "japonaises", true},
        {F, "annee", "années", true},
        {F, "parlent", "parler", true},
        {F, "president", "présidente", true},
        {F, "entier", "entières", true},
        {F, "journee", "journées", true},
        {F, "maitrise", "maîtrisée", true},
        {F, "maitrise", "maitr", false},
        {F, "modele", "mode", false},
        {F, "parent", "parler", false},
        {F, "president", "presse", false},
        {F, "moment", "môme", false},
        {E, "regulators", "regulator", true},
        {E, "regulation", "regulators", true},
        {E, "models", "model", true},
        {E, "developed", "development", true},
        {E, "model", "mode", false},
    };
    for (const Row& row : rows) {
        const Analyzer& a = revue::analyzer_for(row.lang);
        const std::string q = a.stem(a.fold(row.query));
        const std::string d = a.stem(a.fold(row.document));
        INFO(row.query << " -> " << q << ", " << row.document << " -> " << d);
        CHECK((q == d) == row.same);
    }
}

TEST_CASE("stem: the Xapian stemmer is exactly stem()", "[stemmer]") {
    const std::vector<std::string> words = {
        "francais",     "francaise",  "developpees", "maitrisent", "regulateurs",
        "intelligence", "startup",    "2024",        "3,5",        "aujourd'hui",
        "don't",        "regulators", "coeur",       "",
    };
    for (const Language lang : {Language::french, Language::english}) {
        const Analyzer& a = revue::analyzer_for(lang);
        const Xapian::Stem stemmer = a.xapian_stemmer();
        for (const std::string& w : words) {
            INFO(revue::language_code(lang) << ": " << w);
            CHECK(stemmer(w) == a.stem(w));
        }
    }
    CHECK(fr().stem("developpees") == "developp");
    CHECK(fr().stem("francaises") == "franc");
    CHECK(fr().stem("maitrisent") == "maitris");
    CHECK(revue::analyzer_for(Language::english).stem("regulators") == "regul");
}

TEST_CASE("stem and stopper plug into Xapian's QueryParser", "[stemmer]") {
    Xapian::QueryParser qp;
    qp.set_stemmer(fr().xapian_stemmer());
    qp.set_stopper(&fr().stopper());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    const std::string plain = qp.parse_query("le developpement francaise").get_description();
    CHECK(plain.find("Zdevelopp@2") != std::string::npos);
    CHECK(plain.find("Zfranc@3") != std::string::npos);
    CHECK(plain.find("le") == std::string::npos);
    const std::string phrase = qp.parse_query("\"le meilleur des mondes\"").get_description();
    CHECK(phrase.find("le@1") != std::string::npos);
    CHECK(phrase.find("des@3") != std::string::npos);
}

TEST_CASE("stem: the analyzer's stem is the stemmer's", "[stemmer]") {
    for (const Language lang : {Language::french, Language::english}) {
        for (const std::string word : {"francaises", "developpees", "regulators", "maitrisent"}) {
            INFO(revue::language_code(lang) << ": " << word);
            CHECK(revue::analyzer_for(lang).stem(word) == revue::stem(lang, word));
            CHECK(revue::xapian_stemmer(lang)(word) == revue::stem(lang, word));
        }
    }
    // The languages stem apart.
    CHECK(revue::stem(Language::french, "francaises") == "franc");
    CHECK(revue::stem(Language::english, "francaises") != "franc");
}
