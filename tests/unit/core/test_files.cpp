// Checks core/files.hpp: bounded whole reads and their reasons, atomic writes, paths, descriptors.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <future>
#include <string>

#include "revue/core/errors.hpp"
#include "revue/core/files.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Message;
using revue::SkippedFile;
using revue::testing::read_bytes;
using revue::testing::TempDir;

TEST_CASE("read_file reads a regular file whole, bytes as they are", "[files]") {
    TempDir t;
    const std::string bytes("caf\xe9\0\r\n\xff", 8);
    t.write("a.bin", bytes);
    CHECK(revue::read_file(t.path / "a.bin", 8) == bytes);
    t.write("empty.txt", "");
    CHECK(revue::read_file(t.path / "empty.txt", 0).empty());
}

TEST_CASE("read_file refuses more than max_bytes", "[files]") {
    TempDir t;
    t.write("ten.txt", "0123456789");
    CHECK(revue::read_file(t.path / "ten.txt", 10) == "0123456789");
    CHECK_THROWS_MATCHES(revue::read_file(t.path / "ten.txt", 9), SkippedFile,
                         Message("too large"));
}

TEST_CASE("read_file says why a file cannot be read", "[files]") {
    TempDir t;
    SECTION("a missing file has disappeared") {
        CHECK_THROWS_MATCHES(revue::read_file(t.path / "gone.txt", 100), SkippedFile,
                             Message("disappeared"));
    }
    SECTION("a folder is not a regular file") {
        fs::create_directory(t.path / "folder");
        CHECK_THROWS_MATCHES(revue::read_file(t.path / "folder", 100), SkippedFile,
                             Message("not a regular file"));
    }
    SECTION("a symbolic link to itself is a loop") {
        fs::create_symlink("self", t.path / "self");
        CHECK_THROWS_MATCHES(revue::read_file(t.path / "self", 100), SkippedFile,
                             Message("symbolic link loop"));
    }
    SECTION("a file without read permission") {
        if (::geteuid() == 0) return;  // root reads every file: nothing to check
        t.write("locked.txt", "secret");
        fs::permissions(t.path / "locked.txt", fs::perms::none);
        CHECK_THROWS_MATCHES(revue::read_file(t.path / "locked.txt", 100), SkippedFile,
                             Message("permission denied"));
    }
}

TEST_CASE("read_file on a fifo returns at once: not a regular file", "[files]") {
    TempDir t;
    const fs::path fifo = t.path / "pipe.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto reading = std::async(std::launch::async, [&] {
        try {
            revue::read_file(fifo, 100);
        } catch (const SkippedFile& e) {
            return std::string(e.what());
        }
        return std::string("read");
    });
    const bool returned = reading.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    if (!returned) {
        // The read is blocked opening the fifo: a writer lets it go, so the test ends.
        const int writer = ::open(fifo.c_str(), O_WRONLY);
        if (writer >= 0) ::close(writer);
    }
    CHECK(returned);
    CHECK(reading.get() == "not a regular file");
}

TEST_CASE("file_error_reason words errors as a user reads them", "[files]") {
    const auto [error, reason] = GENERATE(table<int, std::string>({
        {EACCES, "permission denied"},
        {EPERM, "permission denied"},
        {ELOOP, "symbolic link loop"},
        {ENOENT, "disappeared"},
        {ENOSPC, "no space left on device"},  // the system's message, in lower case
        {EISDIR, "is a directory"},
    }));
    CAPTURE(error);
    CHECK(revue::file_error_reason(error) == reason);
}

TEST_CASE("write_file_atomically writes the whole file and leaves nothing beside", "[files]") {
    TempDir t;
    const fs::path path = t.path / "record.bin";
    const std::string first(1000, 'x');
    REQUIRE_FALSE(revue::write_file_atomically(path, first));
    CHECK(read_bytes(path) == first);
    // A shorter file replaces the longer one whole: no tail of the old bytes.
    REQUIRE_FALSE(revue::write_file_atomically(path, std::string("new\0", 4)));
    CHECK(read_bytes(path) == std::string("new\0", 4));
    REQUIRE_FALSE(revue::write_file_atomically(path, ""));
    CHECK(fs::file_size(path) == 0);
    CHECK_FALSE(fs::exists(t.path / "record.bin.tmp"));
    CHECK(std::distance(fs::directory_iterator(t.path), fs::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomically reports a failure and leaves the old file", "[files]") {
    TempDir t;
    SECTION("a missing folder") {
        const auto error = revue::write_file_atomically(t.path / "no" / "file", "x");
        CHECK(error == std::errc::no_such_file_or_directory);
        CHECK_FALSE(fs::exists(t.path / "no"));
    }
    SECTION("a folder in the way") {
        t.write("taken/inside.txt", "kept");
        const auto error = revue::write_file_atomically(t.path / "taken", "x");
        CHECK(error);
        CHECK(read_bytes(t.path / "taken" / "inside.txt") == "kept");
    }
}

TEST_CASE("a failed rename leaves no .tmp file behind", "[files]") {
    // Known to fail: src/core/files.cpp returns the rename's error without removing the .tmp.
    TempDir t;
    fs::create_directory(t.path / "taken");
    REQUIRE(revue::write_file_atomically(t.path / "taken", "x"));
    CHECK_FALSE(fs::exists(t.path / "taken.tmp"));
}

TEST_CASE("absolute_path is absolute and lexically normal", "[files]") {
    TempDir t;
    CHECK(revue::absolute_path(t.path / "x" / ".." / "one.txt") == t.path / "one.txt");
    CHECK(revue::absolute_path(t.path / "." / "one.txt") == t.path / "one.txt");
    CHECK(revue::absolute_path(t.path.string() + "/") == t.path);  // "dir/" and "dir" are one
    CHECK(revue::absolute_path("a/./b/") == fs::current_path() / "a" / "b");
    CHECK(revue::absolute_path("/") == "/");
}

TEST_CASE("UniqueFd closes its descriptor, once, wherever it moves", "[files]") {
    TempDir t;
    t.write("a.txt");
    const auto is_open = [](int fd) { return ::fcntl(fd, F_GETFD) != -1; };
    int fd = -1;
    {
        revue::UniqueFd first(::open((t.path / "a.txt").c_str(), O_RDONLY | O_CLOEXEC));
        REQUIRE(first);
        fd = first.get();
        revue::UniqueFd second(std::move(first));
        CHECK_FALSE(first);
        CHECK(second.get() == fd);
        revue::UniqueFd third;
        CHECK_FALSE(third);
        third = std::move(second);
        CHECK(third.get() == fd);
        CHECK(is_open(fd));
    }
    CHECK_FALSE(is_open(fd));
    revue::UniqueFd kept(::open((t.path / "a.txt").c_str(), O_RDONLY | O_CLOEXEC));
    const int released = kept.release();
    CHECK_FALSE(kept);
    CHECK(is_open(released));
    ::close(released);
}
