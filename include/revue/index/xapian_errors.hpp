// The one place where Xapian's exceptions become revue's typed errors (core/errors.hpp). The
// index and search stages run their calls into Xapian through guard_index, so nothing above
// them ever sees a Xapian::Error.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <utility>

namespace revue {

enum class IndexAccess { read, write };

// A Xapian error as a user reads it: the message and, when there is one, the system's
// reason ("Error writing block 54 (No space left on device)").
std::string error_text(const Xapian::Error& error);

// Called in a handler of the Xapian::Error being handled, throws its revue error for the
// index at `index`, read or written: IndexLocked, IndexUnwritable, DamagedIndex, NotAnIndex,
// BadQuery, else Error.
[[noreturn]] void rethrow_index_error(const std::filesystem::path& index, IndexAccess access);

// Runs `work`, translating what Xapian throws.
template <class Work>
decltype(auto) guard_index(const std::filesystem::path& index, IndexAccess access, Work&& work) {
    try {
        return std::forward<Work>(work)();
    } catch (const Xapian::Error&) {
        rethrow_index_error(index, access);
    }
}

}  // namespace revue
