// Reads a Markdown note: YAML front matter (yaml-cpp) for the fields, and the body with its
// markup characters stripped so that they do not become terms.
#pragma once

#include <string>
#include <string_view>

#include "revue/core/clipping.hpp"

namespace revue {

// text is UTF-8 with LF line ends. Front matter is a first line "---", YAML, then a line
// "---" or "..."; it gives title, source, author (text or list), date (YAML date or any
// form parse_date_line knows, a time may follow), lang, country, tags (list or
// "a, b"). Front matter that is not valid YAML or not a mapping gives no fields: its lines
// are kept as the first paragraph of the body, without the "---" lines. The title is the
// front matter's, else the first heading, else the first non-empty line; a heading or line
// taken as title leaves the body. The date is the front matter's, else the first whole
// date line of the body (removed). path and article are left for the caller.
Clipping read_markdown(std::string_view text);

}  // namespace revue
