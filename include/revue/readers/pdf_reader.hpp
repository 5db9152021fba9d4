// Reads the text layer of a PDF (poppler-cpp) into a clipping; scans without text and
// broken or password-protected files are skipped with a reason.
#pragma once

#include <string_view>

#include "revue/core/clipping.hpp"

namespace revue {

// True when "%PDF-" starts a line in the first 1024 bytes, where PDF readers look for it.
bool is_pdf(std::string_view bytes);

// Pages' text in reading order, joined by blank lines, then laid out as press text
// (read_press_text: a whole date line gives the date, and so on). The title is the PDF's
// Title metadata when set and the text has no press layout; else what read_press_text
// found (the first non-empty line for plain text), the first line then staying in the body.
// Throws SkippedFile "no text layer" when no page holds text, and "unreadable PDF: …" when
// poppler cannot open the file or it needs a password.
Clipping read_pdf(std::string_view bytes);

}  // namespace revue
