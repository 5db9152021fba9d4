// Checks analysis/word_pieces.hpp: word pieces, elisions left out, and how each piece hangs on.
#include "revue/analysis/word_pieces.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using revue::Link;
using revue::Piece;

namespace {

// The pieces as written, each after the mark of its link: " " none, "~" joined, "^" line break.
std::string render(const std::string& text) {
    std::string out;
    for (const Piece& p : revue::word_pieces(text)) {
        REQUIRE(p.start < p.end);
        REQUIRE(p.end <= text.size());
        if (!out.empty())
            out += p.link == Link::joined ? "~" : p.link == Link::line_break ? "^" : " ";
        out += text.substr(p.start, p.end - p.start);
    }
    return out;
}

}  // namespace

TEST_CASE("word_pieces: words, elisions, compounds and line-end hyphens", "[word_pieces]") {
    const auto [text, pieces] = GENERATE(table<std::string, std::string>({
        {"", ""},
        {"  ,;!? … « » ", ""},
        {"deux mots", "deux mots"},
        // elided articles are left out, whatever the apostrophe and the case
        {"l’intelligence", "intelligence"},
        {"L'IA", "IA"},
        {"QU’UN", "UN"},
        {"jusqu’à demain", "à demain"},
        {"aujourd’hui", "aujourd’hui"},  // not an elision: one piece
        {"l’ avion", "l avion"},
        // one joining hyphen makes a compound
        {"start-up", "start~up"},
        {"start\u2010up", "start~up"},
        {"Paris\u2013Londres", "Paris~Londres"},
        {"vis-à-vis", "vis~à~vis"},
        {"mot--mot", "mot mot"},
        {"start - up", "start up"},
        {"européenne \u2014 mais", "européenne mais"},
        // inner punctuation of a word segment joins too; numbers keep theirs
        {"U.S.A.", "U~S~A"},
        {"foo_bar", "foo~bar"},
        {"étudiant·e·s", "étudiant~e~s"},
        {"3,5 milliards", "3,5 milliards"},
        {"1.000,50", "1.000,50"},
        // a word hyphenated at a line end is one word, a blank line ends it
        {"intelli-\ngence", "intelli^gence"},
        {"intelli-\r\n  gence", "intelli^gence"},
        {"intelli- \n\tgence", "intelli^gence"},
        {"intelli-\n\ngence", "intelli gence"},
        {"intelli\u2013\ngence", "intelli gence"},  // an en dash at a line end is a dash
        {"intelli\n-gence", "intelli gence"},
        {"intel\u00AD\nligence", "intel^ligence"},  // the soft hyphen
        {"intel\u00ADligence", "intel\u00ADligence"},
        {"vice-pré-\nsident", "vice~pré^sident"},
    }));
    CAPTURE(text);
    CHECK(render(text) == pieces);
}

TEST_CASE("word_pieces: offsets leave the elided article out", "[word_pieces]") {
    const std::string text = "de l’Intelligence";
    const auto pieces = revue::word_pieces(text);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[1].start == text.find("Intelligence"));
    CHECK(pieces[1].end == text.size());
    CHECK(pieces[0].link == Link::none);
    CHECK(pieces[1].link == Link::none);
}
