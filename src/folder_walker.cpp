#include "revue/folder_walker.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>
#include <utility>

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
            throw std::runtime_error("cannot read folder " + path.string() + ": " +
                                     std::strerror(errno));
        }
        if (S_ISDIR(st.st_mode)) {
            if (!folder(path, st)) {
                throw std::runtime_error("cannot read folder " + path.string() + ": " +
                                         std::strerror(errno));
            }
        } else {
            entry(path, st);
        }
    }

  private:
    void entry(const fs::path& path, const struct stat& st) {
        if (S_ISDIR(st.st_mode)) {
            if (!folder(path, st)) walker_.on_problem(path, std::strerror(errno));
        } else if (S_ISREG(st.st_mode)) {
            if (!seen_files_.insert({st.st_dev, st.st_ino}).second) return;
            walker_.on_file({path, static_cast<std::uintmax_t>(st.st_size),
                             static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                                 st.st_mtim.tv_nsec});
        }
        // Sockets, fifos and devices are not clippings: passed over silently, as grep -r does.
    }

    // Returns false with errno set when the folder cannot be listed.
    bool folder(const fs::path& path, const struct stat& st) {
        const FileId id{st.st_dev, st.st_ino};
        if (excluded_.count(id) != 0) return true;
        // A folder reached twice (a link loop, or two links to one folder) is walked once.
        if (!seen_folders_.insert(id).second) return true;
        std::error_code ec;
        fs::directory_iterator it(path, ec);
        if (ec) {
            errno = ec.value();
            return false;
        }
        std::vector<fs::path> children;
        for (const auto end = fs::directory_iterator(); it != end; it.increment(ec)) {
            if (ec) break;
            if (!is_hidden(it->path())) children.push_back(it->path());
        }
        std::sort(children.begin(), children.end());
        for (const auto& child : children) {
            struct stat child_st {};
            // stat, not lstat: symbolic links are followed, loops are cut by seen_folders_.
            if (::stat(child.c_str(), &child_st) != 0) {
                if (errno == ELOOP || errno == ENOENT) {
                    walker_.on_problem(
                        child, errno == ELOOP ? "symbolic link loop" : "broken symbolic link");
                } else {
                    walker_.on_problem(child, std::strerror(errno));
                }
                continue;
            }
            entry(child, child_st);
        }
        return true;
    }

    const FolderWalker& walker_;
    std::set<FileId> excluded_;
    std::set<FileId> seen_folders_;
    std::set<FileId> seen_files_;
};

}  // namespace

fs::path absolute_path(const fs::path& path) {
    auto normal = fs::absolute(path).lexically_normal();
    // "dir/" and "dir" name one folder; keep one spelling so stored paths compare equal.
    if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
    return normal;
}

void FolderWalker::walk(const std::vector<fs::path>& roots) const {
    Walk walk(*this);
    for (const auto& root : roots) walk.root(absolute_path(root));
}

}  // namespace revue
