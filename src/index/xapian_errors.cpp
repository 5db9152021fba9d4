#include "revue/index/xapian_errors.hpp"

#include "revue/core/errors.hpp"

namespace revue {

std::string error_text(const Xapian::Error& error) {
    const char* reason = error.get_error_string();
    return error.get_msg() + (reason && *reason ? std::string(" (") + reason + ")" : "");
}

void rethrow_index_error(const std::filesystem::path& index, IndexAccess access) {
    const std::string where = index.string();
    // Xapian's errors have no virtual functions: their types are told apart by catching.
    try {
        throw;
    } catch (const Xapian::QueryParserError& e) {
        throw BadQuery("bad query: " + e.get_msg());
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLocked("index is locked by another revue index: " + where +
                          "; wait for it to finish");
    } catch (const Xapian::Error& e) {
        if (access == IndexAccess::write)
            throw IndexUnwritable("cannot write the index " + where + ": " + error_text(e));
        try {
            throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            throw DamagedIndex("the index " + where + " is damaged: " + error_text(e) +
                               "; remove it and run revue index again");
        } catch (const Xapian::DatabaseOpeningError&) {
            throw NotAnIndex("cannot open index " + where + ": " + e.get_msg());
        } catch (const Xapian::Error&) {
            throw Error("cannot read the index " + where + ": " + error_text(e));
        }
    }
}

}  // namespace revue
