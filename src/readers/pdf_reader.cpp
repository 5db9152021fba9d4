#include "revue/readers/pdf_reader.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"
#include "revue/readers/press_reader.hpp"

namespace revue {
namespace {

// Poppler prints its parse errors on stderr; library code must not print, and a broken
// PDF is reported once, by the SkippedFile reason.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

void silence_poppler() {
    static std::once_flag once;
    std::call_once(once,
                   [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Page text may carry CR line ends and form feeds; the readers expect LF only.
std::string with_lf(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (text[i] == '\f') {
            out += '\n';
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

bool is_pdf(std::string_view bytes) {
    // Readers accept the header after some leading junk, but a text that merely mentions
    // "%PDF-" should stay text: the header must start a line.
    const auto head = bytes.substr(0, 1024);
    for (auto at = head.find("%PDF-"); at != std::string_view::npos;
         at = head.find("%PDF-", at + 1))
        if (at == 0 || head[at - 1] == '\n' || head[at - 1] == '\r') return true;
    return false;
}

Clipping read_pdf(std::string_view bytes) {
    silence_poppler();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw SkippedFile("unreadable PDF: too large");
    // load_from_raw_data reads the bytes in place; they outlive the document here.
    const std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw SkippedFile("unreadable PDF: damaged or not a PDF");
    if (doc->is_locked()) throw SkippedFile("unreadable PDF: password-protected");

    std::string text;
    for (int i = 0; i < doc->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        // Reading order (as pdftotext) rather than the physical layout, which interleaves
        // the lines of side-by-side columns.
        const auto page_text =
            with_lf(utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
        if (trim(page_text).empty()) continue;
        text += (text.empty() ? "" : "\n\n") + std::string(trim(page_text));
    }
    if (text.empty()) throw SkippedFile("no text layer");

    Clipping c = read_press_text(text);
    const std::string title(trim(utf8(doc->info_key("Title"))));
    if (!title.empty() && c.source.empty()) {
        if (!c.title.empty()) c.body = c.title + (c.body.empty() ? "" : "\n\n" + c.body);
        c.title = title;
    }
    return c;
}

}  // namespace revue
