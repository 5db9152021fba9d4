// Files as revue touches them: descriptors that close themselves, whole reads with a bound,
// writes that land whole or not at all, and the words a user reads for what went wrong.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace revue {

// Owns a file descriptor and closes it.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd();
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }

  private:
    int fd_ = -1;
};

// What a user reads for a file that cannot be read: "permission denied", "disappeared",
// "symbolic link loop", else the system's message in lower case.
std::string file_error_reason(int error);

// The absolute, lexically normal form of a path a user typed; "dir/" and "dir" are one.
std::filesystem::path absolute_path(const std::filesystem::path& path);

// The bytes a regular file holds now, read whole. Throws SkippedFile with the reason when it
// cannot be opened or read ("permission denied", …), is not a regular file (opened without
// blocking: a file swapped for a fifo never hangs the read), or holds more than max_bytes
// ("too large").
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Writes `bytes` as `path`, whole or not at all: written beside, synced, then renamed over, so
// a reader sees the old file or the new one and a crash never leaves a half-written one.
std::error_code write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace revue
