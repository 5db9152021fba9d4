// Recognises the dates press clippings carry ("jeudi 29 février 2024", "29/02/2024",
// "February 29, 2024", a "2024-02-29" in a file name) and turns them into "YYYY-MM-DD".
#pragma once

#include <string>
#include <string_view>

namespace revue {

// The date when the whole line is one date, optionally after a weekday ("jeudi 29 février
// 2024", "Thursday, February 29, 2024", "1er mars 2024", "29/02/2024", "2024-02-29");
// month and weekday names match whatever their case and accents ("FEVRIER", "déc.").
// Returns "YYYY-MM-DD", or "" when the line is anything else or the date does not exist.
std::string parse_date_line(std::string_view line);

// The first date found anywhere in the text ("Économie, jeudi 7 mars 2024 1093 mots"),
// in any of the forms parse_date_line accepts; "" when there is none.
std::string find_date(std::string_view text);

// A "YYYY-MM-DD" inside a file name ("2024-03-15_note.txt"), not glued to other digits;
// "" when there is none or it is not a real date.
std::string date_from_file_name(std::string_view name);

// Removes the first line of the text that is a whole date line (parse_date_line) and
// returns its date; the text is left alone and "" returned when no line is one.
std::string take_date_line(std::string& text);

}  // namespace revue
