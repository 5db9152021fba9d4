// The lock of an index folder: held (flock) for the whole of an index run, holding the
// writer's pid so a second writer can say who holds it. The kernel drops it with the process,
// so a killed run never leaves the index locked.
#pragma once

#include <filesystem>
#include <string_view>

#include "revue/core/files.hpp"

namespace revue {

class IndexLock {
  public:
    static constexpr std::string_view kLockFile = "revue-index.pid";

    // Throws IndexLocked "index is locked by another revue index (pid N)", or
    // IndexUnwritable when the lock file cannot be made.
    explicit IndexLock(const std::filesystem::path& index);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    // Written once the index can be searched, so that whoever reads it can search too.
    void write_pid() const;

  private:
    UniqueFd fd_;
};

// The error a write to the index folder failed with.
[[noreturn]] void throw_unwritable(const std::filesystem::path& index, int error);

}  // namespace revue
