#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "revue/pdf_reader.hpp"
#include "revue/reader.hpp"

using revue::is_pdf;
using revue::read_pdf;
using revue::SkippedFile;

namespace {

std::string file(const std::string& relative) {
    std::ifstream in(std::string(REVUE_FIXTURES) + "/" + relative, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string reason(const std::string& relative) {
    try {
        read_pdf(file(relative));
    } catch (const SkippedFile& e) {
        return e.what();
    }
    return "read";
}

}  // namespace

TEST_CASE("read_pdf reads the text layer, the title from the metadata", "[pdf_reader]") {
    const auto c = read_pdf(file("formats/note.pdf"));
    CHECK(c.title == "Note sur le parc éolien de Fécamp");
    CHECK(c.body ==
          "Les éoliennes en mer de Fécamp\n\nLe parc compte soixante et onze machines au large "
          "des falaises.\nLe balisage lumineux a été validé par la préfecture maritime.");
}

TEST_CASE("read_pdf without a Title takes the first line", "[pdf_reader]") {
    const auto c = read_pdf(file("readers/untitled.pdf"));
    CHECK(c.title == "Compte rendu du conseil portuaire");
    CHECK(c.body == "Les dragueurs entretiendront le chenal du port de Cherbourg.");
}

TEST_CASE("read_pdf skips what it cannot read, with the reason", "[pdf_reader]") {
    const auto [fixture, expected] = GENERATE(table<std::string, std::string>({
        {"formats/scan.pdf", "no text layer"},
        {"readers/broken.pdf", "unreadable PDF: damaged or not a PDF"},
        {"readers/locked.pdf", "unreadable PDF: password-protected"},
    }));
    CAPTURE(fixture);
    CHECK(reason(fixture) == expected);
}

TEST_CASE("is_pdf looks for the header near the start", "[pdf_reader]") {
    CHECK(is_pdf("%PDF-1.4\n"));
    CHECK(is_pdf("\r\n\r\n%PDF-1.7"));
    CHECK(is_pdf("junk\n%PDF-1.4"));
    CHECK_FALSE(is_pdf("Un texte qui parle de %PDF-1.7 plus loin"));
    CHECK_FALSE(is_pdf(std::string(2000, ' ') + "%PDF-1.4"));
}
