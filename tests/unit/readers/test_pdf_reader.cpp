// Checks readers/pdf_reader.hpp: the text layer and title of PDFs, and why some are skipped.
#include <catch2/catch.hpp>

#include <string>

#include "revue/core/errors.hpp"
#include "revue/readers/pdf_reader.hpp"
#include "support.hpp"

using revue::is_pdf;
using revue::read_pdf;
using revue::SkippedFile;
using revue::testing::fixture;

TEST_CASE("read_pdf reads the text layer, the title from the metadata", "[pdf_reader]") {
    const auto c = read_pdf(fixture("formats/note.pdf"));
    CHECK(c.title == "Note sur le parc éolien de Fécamp");
    CHECK(c.body ==
          "Les éoliennes en mer de Fécamp\n\nLe parc compte soixante et onze machines au large "
          "des falaises.\nLe balisage lumineux a été validé par la préfecture maritime.");
}

TEST_CASE("read_pdf without a Title takes the first line", "[pdf_reader]") {
    const auto c = read_pdf(fixture("readers/untitled.pdf"));
    CHECK(c.title == "Compte rendu du conseil portuaire");
    CHECK(c.body == "Les dragueurs entretiendront le chenal du port de Cherbourg.");
}

TEST_CASE("read_pdf skips what it cannot read, with the reason", "[pdf_reader]") {
    const auto [file, expected] = GENERATE(table<std::string, std::string>({
        {"formats/scan.pdf", "no text layer"},
        {"readers/broken.pdf", "unreadable PDF: damaged or not a PDF"},
        {"readers/locked.pdf", "unreadable PDF: password-protected"},
    }));
    CAPTURE(file);
    const std::string bytes = fixture(file);
    REQUIRE_FALSE(bytes.empty());
    CHECK_THROWS_MATCHES(read_pdf(bytes), SkippedFile, Catch::Matchers::Message(expected));
}

TEST_CASE("is_pdf looks for the header near the start", "[pdf_reader]") {
    CHECK(is_pdf("%PDF-1.4\n"));
    CHECK(is_pdf("\r\n\r\n%PDF-1.7"));
    CHECK(is_pdf("junk\n%PDF-1.4"));
    CHECK_FALSE(is_pdf("Un texte qui parle de %PDF-1.7 plus loin"));
    CHECK_FALSE(is_pdf(std::string(2000, ' ') + "%PDF-1.4"));
}
