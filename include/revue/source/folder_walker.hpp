// Finds the clipping files under the folders a user names: recursively, in a stable order,
// skipping hidden entries and the index folder, following each symbolic link at most once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace revue {

struct FoundFile {
    std::filesystem::path path;  // absolute, lexically normal, symbolic links not resolved
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
};

struct FolderWalker {
    std::vector<std::filesystem::path> excluded;  // folders never entered (the index itself)
    std::function<void(const FoundFile&)> on_file;
    // A file or folder that cannot be visited, and why; the walk goes on. Reasons:
    // "permission denied", "symbolic link loop" (a link to a folder being walked, or to
    // itself), "broken symbolic link", "not a regular file" (fifo, socket, device), else the
    // system's message. A second name for a folder or file already walked is passed over.
    std::function<void(const std::filesystem::path&, const std::string&)> on_problem;

    // Throws FolderUnreadable when a root itself does not exist or cannot be read.
    void walk(const std::vector<std::filesystem::path>& roots) const;
};

}  // namespace revue
