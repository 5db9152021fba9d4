// Checks source/folder_walker.hpp: which files a walk finds, in what order, and what it reports.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/source/folder_walker.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::TempDir;

namespace {

struct Walked {
    std::vector<std::string> files;
    std::map<std::string, std::string> problems;
};

Walked walk(const fs::path& root, std::vector<fs::path> excluded = {}) {
    Walked w;
    FolderWalker walker;
    walker.excluded = std::move(excluded);
    walker.on_file = [&](const FoundFile& f) {
        w.files.push_back(f.path.lexically_relative(root).string());
    };
    walker.on_problem = [&](const fs::path& p, const std::string& reason) {
        w.problems[p.lexically_relative(root).string()] = reason;
    };
    walker.walk({root});
    return w;
}

}  // namespace

TEST_CASE("the walk is recursive, sorted, and skips hidden entries", "[walker]") {
    TempDir t;
    t.write("b.txt");
    t.write("a/z.txt");
    t.write("a/b/c.txt");
    t.write(".git/config");
    t.write(".hidden.txt");
    t.write("a/.revue/x.txt");
    const auto w = walk(t.path);
    CHECK(w.files == std::vector<std::string>{"a/b/c.txt", "a/z.txt", "b.txt"});
    CHECK(w.problems.empty());
}

TEST_CASE("the index folder is never walked", "[walker]") {
    TempDir t;
    t.write("clips/a.txt");
    t.write("clips/index/postlist.glass");
    const auto w = walk(t.path, {t.path / "clips" / "index"});
    CHECK(w.files == std::vector<std::string>{"clips/a.txt"});
}

TEST_CASE("symbolic link loops are followed once and reported", "[walker]") {
    TempDir t;
    t.write("d/a.txt");
    fs::create_directory_symlink(t.path / "d", t.path / "d" / "again");  // d/again -> d
    fs::create_symlink("self", t.path / "self");                         // self -> self
    fs::create_symlink(t.path / "d" / "a.txt", t.path / "link.txt");     // second name
    fs::create_directory_symlink("..", t.path / "d" / "up");             // d/up -> the root
    const auto w = walk(t.path);
    CHECK(w.files == std::vector<std::string>{"d/a.txt"});
    CHECK(w.problems == std::map<std::string, std::string>{{"d/again", "symbolic link loop"},
                                                           {"d/up", "symbolic link loop"},
                                                           {"self", "symbolic link loop"}});
}

TEST_CASE("a second name for a folder is walked once, without a warning", "[walker]") {
    TempDir t;
    t.write("d/a.txt");
    fs::create_directory_symlink(t.path / "d", t.path / "e");  // e -> d, not a loop
    const auto w = walk(t.path);
    CHECK(w.files == std::vector<std::string>{"d/a.txt"});
    CHECK(w.problems.empty());
}

TEST_CASE("broken links and files that are not regular are named, never opened", "[walker]") {
    TempDir t;
    t.write("a.txt");
    fs::create_symlink("nowhere.txt", t.path / "broken.txt");
    REQUIRE(::mkfifo((t.path / "pipe.txt").c_str(), 0600) == 0);
    const auto w = walk(t.path);
    CHECK(w.files == std::vector<std::string>{"a.txt"});
    CHECK(w.problems == std::map<std::string, std::string>{{"broken.txt", "broken symbolic link"},
                                                           {"pipe.txt", "not a regular file"}});
}

TEST_CASE("a missing root is an error, an unreadable subfolder a problem", "[walker]") {
    TempDir t;
    CHECK_THROWS_AS(walk(t.path / "nope"), FolderUnreadable);
    CHECK_THROWS_WITH(walk(t.path / "nope"),
                      Catch::StartsWith("cannot read folder " + (t.path / "nope").string()));
    if (::geteuid() != 0) {  // root reads every folder
        t.write("locked/a.txt");
        fs::permissions(t.path / "locked", fs::perms::none);
        const auto w = walk(t.path);
        REQUIRE(w.problems.count("locked") == 1);
        CHECK(w.problems.at("locked") == "permission denied");
    }
}

TEST_CASE("a root may be a single file, its path absolute and normal", "[walker]") {
    TempDir t;
    t.write("one.txt");
    std::vector<fs::path> found;
    FolderWalker walker;
    walker.on_file = [&](const FoundFile& f) { found.push_back(f.path); };
    walker.on_problem = [](const fs::path&, const std::string&) {};
    walker.walk({t.path / "." / "one.txt"});
    REQUIRE(found.size() == 1);
    CHECK(found[0] == t.path / "one.txt");  // absolute_path itself: tests/unit/core/test_files
}

TEST_CASE("found files carry their size and modification time", "[walker]") {
    TempDir t;
    t.write("a.txt", "12345");
    std::vector<FoundFile> found;
    FolderWalker walker;
    walker.on_file = [&](const FoundFile& f) { found.push_back(f); };
    walker.on_problem = [](const fs::path&, const std::string&) {};
    walker.walk({t.path});
    REQUIRE(found.size() == 1);
    struct stat st {};
    REQUIRE(::stat((t.path / "a.txt").c_str(), &st) == 0);
    CHECK(found[0].size == 5);
    CHECK(found[0].mtime_ns ==
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

TEST_CASE("several roots are walked in the order given, each file once", "[walker]") {
    TempDir t;
    t.write("b/1.txt");
    t.write("a/2.txt");
    t.write("a/3.txt");
    std::vector<std::string> files;
    FolderWalker walker;
    walker.on_file = [&](const FoundFile& f) {
        files.push_back(f.path.lexically_relative(t.path).string());
    };
    walker.on_problem = [](const fs::path&, const std::string&) {};
    walker.walk({t.path / "b", t.path / "a", t.path / "a" / "3.txt", t.path / "b"});
    CHECK(files == std::vector<std::string>{"b/1.txt", "a/2.txt", "a/3.txt"});
}
