// Checks readers/date_parser.hpp: the date forms of French and English press, and where they stand.
#include <catch2/catch.hpp>

#include <string>

#include "revue/readers/date_parser.hpp"

using revue::date_from_file_name;
using revue::find_date;
using revue::parse_date_line;
using revue::take_date_line;

TEST_CASE("parse_date_line reads the date forms of French and English press", "[date_parser]") {
    const auto [line, expected] = GENERATE(table<std::string, std::string>({
        {"29 février 2024", "2024-02-29"},
        {"jeudi 29 février 2024", "2024-02-29"},
        {"Jeudi 29 Février 2024", "2024-02-29"},
        {"JEUDI 29 FÉVRIER 2024", "2024-02-29"},
        {"29 fevrier 2024", "2024-02-29"},
        {"1er mars 2024", "2024-03-01"},
        {"vendredi 1er mars 2024", "2024-03-01"},
        {"15 août 2023", "2023-08-15"},
        {"15 aout 2023", "2023-08-15"},
        {"3 déc. 2023", "2023-12-03"},
        {"3 DEC 2023", "2023-12-03"},
        {"12 janv. 2024", "2024-01-12"},
        {"29/02/2024", "2024-02-29"},
        {"05.03.2024", "2024-03-05"},
        {"2024-02-29", "2024-02-29"},
        {"February 29, 2024", "2024-02-29"},
        {"Thursday, February 29, 2024", "2024-02-29"},
        {"29 February 2024", "2024-02-29"},
        {"March 1st, 2024", "2024-03-01"},
        {"  lundi 4 mars 2024  ", "2024-03-04"},
        {"jeudi\u00a029\u00a0février\u00a02024", "2024-02-29"},  // no-break spaces
        {"1\u1d49\u02b3 mars 2024", "2024-03-01"},               // "1ᵉʳ" in superscript
        // not a date, or not only a date
        {"30 février 2024", ""},
        {"29 février 2023", ""},
        {"31/04/2024", ""},
        {"2024-13-01", ""},
        {"février 2024", ""},
        {"Paris, le 20 février 2024", ""},
        {"29 février 2024 : la start-up annonce", ""},
        {"Codeurs de Mistral AI à Paris, le 20 février.", ""},
        {"", ""},
        {"jeudi", ""},
    }));
    CAPTURE(line);
    CHECK(parse_date_line(line) == expected);
}

TEST_CASE("find_date finds a date inside a longer line", "[date_parser]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Économie, jeudi 7 mars 2024 1093 mots, p. 56", "2024-03-07"},
        {"Publié le 29/02/2024 à 10h", "2024-02-29"},
        {"2024-03-01T09:30:00+01:00", "2024-03-01"},
        {"2024-03-01 10:00:00", "2024-03-01"},
        {"Updated on March 4, 2024 by the desk", "2024-03-04"},
        {"le 30 février 2024 puis le 2 mars 2024", "2024-03-02"},
        {"1093 mots, p. 56", ""},
        {"mars 2024", ""},
    }));
    CAPTURE(text);
    CHECK(find_date(text) == expected);
}

TEST_CASE("date_from_file_name takes a YYYY-MM-DD standing alone in the name", "[date_parser]") {
    const auto [name, expected] = GENERATE(table<std::string, std::string>({
        {"2024-03-15_note.txt", "2024-03-15"},
        {"note du 2024-03-15.md", "2024-03-15"},
        {"export-2023-12-31-europresse.html", "2023-12-31"},
        {"12024-03-15.txt", ""},
        {"2024-03-150.txt", ""},
        {"2024-02-30_note.txt", ""},
        {"2024_03_15.txt", ""},
        {"note.txt", ""},
    }));
    CAPTURE(name);
    CHECK(date_from_file_name(name) == expected);
}

TEST_CASE("take_date_line removes the first whole date line only", "[date_parser]") {
    SECTION("a line of its own") {
        std::string text = "Les Echos\njeudi 29 février 2024\nTitre\n1er mars 2024";
        CHECK(take_date_line(text) == "2024-02-29");
        CHECK(text == "Les Echos\nTitre\n1er mars 2024");
    }
    SECTION("the last line, without a newline") {
        std::string text = "Titre\n29/02/2024";
        CHECK(take_date_line(text) == "2024-02-29");
        CHECK(text == "Titre");
    }
    SECTION("dates inside sentences stay") {
        std::string text = "Le 29 février 2024, Mistral signe.\nFin.";
        const std::string before = text;
        CHECK(take_date_line(text).empty());
        CHECK(text == before);
    }
}
