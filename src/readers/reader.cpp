#include "revue/readers/reader.hpp"

#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"
#include "revue/readers/date_parser.hpp"
#include "revue/readers/html/html_reader.hpp"
#include "revue/readers/language_detector.hpp"
#include "revue/readers/markdown_reader.hpp"
#include "revue/readers/pdf_reader.hpp"
#include "revue/readers/press_reader.hpp"
#include "revue/readers/text_decoder.hpp"

namespace revue {
namespace {

constexpr std::string_view kDefaultLanguage = "fr";

std::string lower_extension(const std::filesystem::path& path) {
    return ascii_lower(path.extension().string());
}

bool is_unicode_charset(std::string_view charset) {
    return charset.substr(0, 4) == "UTF-";
}

std::vector<Clipping> read_text_formats(const std::filesystem::path& path, std::string_view bytes) {
    if (looks_binary(bytes)) throw SkippedFile("not text");
    DecodedText decoded = decode_text(bytes);
    if (is_blank(decoded.text)) throw SkippedFile("empty");

    const std::string ext = lower_extension(path);
    if (ext == ".md" || ext == ".markdown") return {read_markdown(decoded.text)};
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || looks_like_html(decoded.text)) {
        // An 8-bit page: its <meta charset> beats the detector's guess.
        if (!is_unicode_charset(decoded.charset)) {
            if (const auto declared = html_declared_charset(bytes); !declared.empty())
                decoded = decode_text(bytes, declared);
        }
        return read_html(decoded.text);
    }
    return {read_press_text(decoded.text)};
}

}  // namespace

std::vector<Clipping> read_clippings(const std::filesystem::path& path, std::string_view bytes) {
    if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
        throw SkippedFile("empty");

    std::vector<Clipping> clippings =
        is_pdf(bytes) ? std::vector<Clipping>{read_pdf(bytes)} : read_text_formats(path, bytes);

    const std::string file_date = date_from_file_name(path.filename().string());
    std::vector<Clipping> out;
    for (auto& c : clippings) {
        if (c.title.empty() && c.body.empty() && c.deck.empty() && c.caption.empty()) continue;
        c.path = path.string();
        c.article = static_cast<int>(out.size()) + 1;
        if (c.lang.empty()) c.lang = detect_language(c.title + "\n\n" + c.deck + "\n\n" + c.body);
        if (c.lang.empty()) c.lang = kDefaultLanguage;
        if (c.date.empty()) c.date = file_date;
        out.push_back(std::move(c));
    }
    if (out.empty()) throw SkippedFile("no text");
    return out;
}

}  // namespace revue
