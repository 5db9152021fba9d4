#include "revue/index/index_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>

#include "revue/core/errors.hpp"

namespace revue {
namespace fs = std::filesystem;

void throw_unwritable(const fs::path& index, int error) {
    throw IndexUnwritable("cannot write the index " + index.string() + ": " +
                          file_error_reason(error));
}

IndexLock::IndexLock(const fs::path& index)
    : fd_(::open((index / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (!fd_) throw_unwritable(index, errno);
    if (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        std::string pid;
        std::ifstream(index / kLockFile) >> pid;
        fd_ = UniqueFd();
        if (error != EWOULDBLOCK) throw_unwritable(index, error);
        throw IndexLocked("index is locked by another revue index" +
                          (pid.empty() ? std::string() : " (pid " + pid + ")") + ": " +
                          index.string() + "; wait for it to finish");
    }
    // A pid left by a killed run would name the wrong process.
    if (::ftruncate(fd_.get(), 0) != 0) throw_unwritable(index, errno);
}

IndexLock::~IndexLock() {
    if (fd_ && ::ftruncate(fd_.get(), 0) != 0) {
        // Nothing to do: the lock goes with the descriptor, a stale pid is harmless.
    }
}

void IndexLock::write_pid() const {
    const std::string pid = std::to_string(::getpid()) + '\n';
    if (::pwrite(fd_.get(), pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // The pid only makes a lock message friendlier; the lock itself holds.
    }
}

}  // namespace revue
