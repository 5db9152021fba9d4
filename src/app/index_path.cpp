#include "revue/app/index_path.hpp"

#include <cstdlib>

#include "revue/core/errors.hpp"

namespace revue {
namespace fs = std::filesystem;

fs::path index_path(std::string_view db) {
    if (!db.empty()) return fs::path(db);
    if (const char* env = std::getenv("REVUE_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "revue" / "index";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "revue" / "index";
    throw NoIndex("no index path: pass --db PATH or set REVUE_DB");
}

}  // namespace revue
