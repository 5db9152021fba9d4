// The checks a query passes before Xapian reads it. Xapian's QueryParser reads some
// misplaced operators as plain words, or drops every operator of a query it cannot parse: the
// user would get an answer to another question. These checks name the first such mistake.
#pragma once

#include <string_view>

namespace revue {

// Throws BadQuery naming the mistake and where it is ("'AND' at character 9 has nothing
// after it", "the phrase opened at character 1 is not closed", …).
void check_syntax(std::string_view text);

}  // namespace revue
