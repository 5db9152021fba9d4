#include "revue/source/folder_walker.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/core/files.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

using FileId = std::pair<dev_t, ino_t>;

bool is_hidden(const fs::path& path) {
    const auto name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

class Walk {
  public:
    explicit Walk(const FolderWalker& walker) : walker_(walker) {
        for (const auto& dir : walker.excluded) {
            struct stat st {};
            if (::stat(dir.c_str(), &st) == 0) excluded_.insert({st.st_dev, st.st_ino});
        }
    }

    void root(const fs::path& path) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            throw FolderUnreadable("cannot read folder " + path.string() + ": " +
                                   std::strerror(errno));
        }
        if (S_ISDIR(st.st_mode)) {
            if (const int error = folder(path, st); error != 0) {
                throw FolderUnreadable("cannot read folder " + path.string() + ": " +
                                       std::strerror(error));
            }
        } else {
            entry(path, st);
        }
    }

  private:
    void entry(const fs::path& path, const struct stat& st) {
        if (S_ISDIR(st.st_mode)) {
            const FileId id{st.st_dev, st.st_ino};
            // A link back to a folder being walked would lead round for ever; a second
            // name for a folder already walked elsewhere loses nothing and is passed over.
            if (std::find(ancestors_.begin(), ancestors_.end(), id) != ancestors_.end()) {
                walker_.on_problem(path, "symbolic link loop");
            } else if (const int error = folder(path, st); error != 0) {
                walker_.on_problem(path, file_error_reason(error));
            }
        } else if (S_ISREG(st.st_mode)) {
            if (!seen_files_.insert({st.st_dev, st.st_ino}).second) return;
            walker_.on_file({path, static_cast<std::uintmax_t>(st.st_size),
                             static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                                 st.st_mtim.tv_nsec});
        } else {
            // A fifo would block the reader, a device could be endless: never opened, but
            // named, since the user put it among the clippings.
            walker_.on_problem(path, "not a regular file");
        }
    }

    // The error that kept the folder from being listed, 0 when it was walked (or needs no
    // walk: excluded, or already walked under another name).
    int folder(const fs::path& path, const struct stat& st) {
        const FileId id{st.st_dev, st.st_ino};
        if (excluded_.count(id) != 0) return 0;
        if (!seen_folders_.insert(id).second) return 0;
        std::error_code ec;
        fs::directory_iterator it(path, ec);
        if (ec) return ec.value();
        std::vector<fs::path> children;
        for (const auto end = fs::directory_iterator(); it != end; it.increment(ec)) {
            if (ec) break;
            if (!is_hidden(it->path())) children.push_back(it->path());
        }
        std::sort(children.begin(), children.end());
        ancestors_.push_back(id);
        for (const auto& child : children) {
            struct stat child_st {};
            // stat, not lstat: symbolic links are followed; entry() cuts the loops.
            if (::stat(child.c_str(), &child_st) == 0) {
                entry(child, child_st);
                continue;
            }
            const int error = errno;
            struct stat link_st {};
            if (error == ENOENT && ::lstat(child.c_str(), &link_st) == 0) {
                walker_.on_problem(child, "broken symbolic link");
            } else if (error != ENOENT) {
                walker_.on_problem(child, file_error_reason(error));
            }
            // ENOENT without a link: deleted since the listing, so no longer in the folder.
        }
        ancestors_.pop_back();
        return 0;
    }

    const FolderWalker& walker_;
    std::set<FileId> excluded_;
    std::set<FileId> seen_folders_;
    std::set<FileId> seen_files_;
    std::vector<FileId> ancestors_;  // the folders from the root down to the one being walked
};

}  // namespace

void FolderWalker::walk(const std::vector<fs::path>& roots) const {
    Walk walk(*this);
    for (const auto& root : roots) walk.root(absolute_path(root));
}

}  // namespace revue
