// Reads the press-reader text layout (publication, title, deck, byline, body, caption,
// "Newspapers in …" footer) into a Clipping; any other text gets its first line as title.
#pragma once

#include <string_view>

#include "revue/core/clipping.hpp"

namespace revue {

// text is UTF-8 with LF line ends. The first line that is only a date ("mardi 12 mars 2024",
// see parse_date_line) gives the date and is not text; the layout is read without it.
// lang is set only from the footer. path and article are left for the caller to set.
Clipping read_press_text(std::string_view text);

}  // namespace revue
