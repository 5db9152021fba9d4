// Where the index lives when a command does not say.
#pragma once

#include <filesystem>
#include <string_view>

namespace revue {

// --db, else $REVUE_DB, else $XDG_DATA_HOME/revue/index, else ~/.local/share/revue/index.
// Throws NoIndex when none of them can be had.
std::filesystem::path index_path(std::string_view db);

}  // namespace revue
