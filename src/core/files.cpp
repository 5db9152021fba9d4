#include "revue/core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "revue/core/errors.hpp"

namespace revue {
namespace fs = std::filesystem;

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

// Worded like the readers' reasons, so that the summary counts one folder and one file denied
// under the same "permission denied".
std::string file_error_reason(int error) {
    switch (error) {
        case EACCES:
        case EPERM:
            return "permission denied";
        case ELOOP:
            return "symbolic link loop";
        case ENOENT:
            return "disappeared";
        default:
            break;
    }
    std::string reason = std::strerror(error);
    if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z')
        reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
    return reason;
}

fs::path absolute_path(const fs::path& path) {
    auto normal = fs::absolute(path).lexically_normal();
    if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
    return normal;
}

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    const UniqueFd file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!file) throw SkippedFile(file_error_reason(errno));
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) throw SkippedFile(file_error_reason(errno));
    if (!S_ISREG(st.st_mode)) throw SkippedFile("not a regular file");
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) throw SkippedFile("too large");
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(file.get(), buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            throw SkippedFile(file_error_reason(errno));
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes) throw SkippedFile("too large");
    }
    return bytes;
}

std::error_code write_file_atomically(const fs::path& path, std::string_view bytes) {
    const fs::path tmp = path.string() + ".tmp";
    std::error_code ec;
    {
        const UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (!fd) return {errno, std::generic_category()};
        const auto failed = [&] {
            const int error = errno;
            fs::remove(tmp, ec);
            return std::error_code(error, std::generic_category());
        };
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return failed();
            done += static_cast<std::size_t>(n);
        }
        // On disk before the rename: a crash must not leave the name on an empty file.
        if (::fsync(fd.get()) != 0) return failed();
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
    }
    return ec;
}

}  // namespace revue
