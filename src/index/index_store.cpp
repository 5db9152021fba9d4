#include "revue/index/index_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "revue/core/errors.hpp"
#include "revue/core/files.hpp"
#include "revue/index/xapian_errors.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

// The index folder, created with its parents when missing.
fs::path prepared(const fs::path& path) {
    const fs::path absolute = absolute_path(path);
    std::error_code ec;
    fs::create_directories(absolute, ec);
    if (ec) throw_unwritable(absolute, ec.value());
    return absolute;
}

// The shard names a stub lists ("auto shard0.g2" a line), or none when there is no stub. Read
// with two system calls: a search reads it before anything else.
std::optional<std::vector<std::string>> read_stub(const fs::path& stub) {
    const UniqueFd fd(::open(stub.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return std::nullopt;
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd.get(), buffer, sizeof buffer)) > 0;) text.append(buffer, n);
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string_view line = std::string_view(text).substr(at, end - at);
        at = end + 1;
        if (line.empty() || line[0] == '#') continue;  // Xapian's stubs allow comments
        // "TYPE NAME": the name after the first run of blanks.
        const std::size_t gap = line.find_first_of(" \t");
        const std::size_t name =
            gap == std::string_view::npos ? gap : line.find_first_not_of(" \t", gap);
        if (name != std::string_view::npos) {
            const std::size_t stop = line.find_first_of(" \t\r", name);
            names.emplace_back(
                line.substr(name, stop == std::string_view::npos ? stop : stop - name));
        }
    }
    return names;
}

// "shard0.g3" -> "shard0.g4": a new name, so the old copy stays whole until the switch.
// "shard3.g2" -> 3.
std::size_t shard_number(const std::string& name) {
    const auto dot = name.find('.');
    try {
        return std::stoul(name.substr(5, dot == std::string::npos ? std::string::npos : dot - 5));
    } catch (const std::logic_error&) {
        return 0;
    }
}

std::string next_generation(const std::string& name) {
    const auto dot = name.rfind(".g");
    if (dot == std::string::npos) return name + ".g1";
    return name.substr(0, dot) + ".g" + std::to_string(std::stoul(name.substr(dot + 2)) + 1);
}

}  // namespace

IndexStore::IndexStore(const fs::path& path, std::size_t new_shards)
    : path_(prepared(path)), lock_(path_) {
    const fs::path stub = path_ / kStubFile;
    std::error_code ec;
    if (fs::exists(stub, ec)) {
        names_ = read_stub(stub).value_or(std::vector<std::string>{});
        if (names_.empty())
            throw DamagedIndex("the index " + path_.string() + " is damaged: " + stub.string() +
                               " names no shard");
    } else if (fs::exists(path_ / "iamglass", ec)) {
        throw NotAnIndex("the index " + path_.string() +
                         " was made by an older revue: remove it and run revue index again");
    } else {
        for (const auto& entry : fs::directory_iterator(path_)) {
            if (entry.path().filename() != IndexLock::kLockFile) {
                throw NotAnIndex(path_.string() +
                                 " is not a revue index and is not empty; choose another --db "
                                 "folder");
            }
        }
        for (std::size_t i = 0; i < std::max<std::size_t>(1, new_shards); ++i)
            names_.push_back("shard" + std::to_string(i) + ".g1");
    }
    // Folders a killed compaction left behind: not in the stub, so no search uses them.
    for (const auto& entry : fs::directory_iterator(path_)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory(ec) && name.rfind("shard", 0) == 0 &&
            std::find(names_.begin(), names_.end(), name) == names_.end()) {
            fs::remove_all(entry.path(), ec);
        }
    }
    guard_index(path_, IndexAccess::write, [&] {
        for (const auto& name : names_) {
            shards_.emplace_back((path_ / name).string(), Xapian::DB_CREATE_OR_OPEN);
        }
    });
    if (!fs::exists(stub, ec)) write_stub(names_);
}

Xapian::Database IndexStore::open_for_reading(const fs::path& path) {
    const auto names = read_stub(path / kStubFile);
    if (!names) {
        throw NoIndex("no index at " + path.string() +
                      ": run 'revue index DIR' first, or pass --db PATH");
    }
    return guard_index(path, IndexAccess::read, [&] {
        if (names->size() != 1) return Xapian::Database(path.string());  // Xapian's own message
        try {
            return Xapian::Database((path / names->front()).string());
        } catch (const Xapian::DatabaseOpeningError&) {
            // A merge switched the stub and removed the shard since: read the stub again.
            return Xapian::Database(path.string());
        }
    });
}

void IndexStore::write_stub(const std::vector<std::string>& names) const {
    std::ostringstream text;
    for (const auto& name : names) text << "auto " << name << '\n';
    write_file(kStubFile, text.str());
}

void IndexStore::write_file(std::string_view name, std::string_view bytes) const {
    if (const std::error_code ec = write_file_atomically(path_ / name, bytes))
        throw_unwritable(path_, ec.value());
}

void IndexStore::keep_dictionary(std::string_view dictionary) const {
    const fs::path file = path_ / kDictionaryFile;
    std::ifstream in(file, std::ios::binary);
    const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.bad() && kept == dictionary) return;
    write_file(kDictionaryFile, dictionary);
}

void IndexStore::add_shards(std::size_t count) {
    std::size_t next = 0;  // past the highest shard number in use
    for (const auto& name : names_) next = std::max<std::size_t>(next, shard_number(name) + 1);
    std::vector<std::string> names = names_;
    guard_index(path_, IndexAccess::write, [&] {
        for (std::size_t i = 0; i < count; ++i) {
            names.push_back("shard" + std::to_string(next + i) + ".g1");
            shards_.emplace_back((path_ / names.back()).string(), Xapian::DB_CREATE_OR_OPEN);
        }
    });
    write_stub(names);
    names_ = std::move(names);
}

void IndexStore::merge() {
    const std::string fresh = next_generation(names_.front());
    std::error_code ec;
    try {
        Xapian::Database all;
        for (auto& shard : shards_) shard.commit();
        for (const auto& name : names_) all.add_database(Xapian::Database((path_ / name).string()));
        all.compact((path_ / fresh).string());
    } catch (const Xapian::Error&) {
        fs::remove_all(path_ / fresh, ec);
        rethrow_index_error(path_, IndexAccess::write);
    }
    write_stub({fresh});
    const auto old = std::exchange(names_, {fresh});
    guard_index(path_, IndexAccess::write, [&] {
        for (auto& shard : shards_) shard.close();
        shards_.clear();
        shards_.emplace_back((path_ / fresh).string(), Xapian::DB_OPEN);
    });
    for (const auto& name : old) fs::remove_all(path_ / name, ec);
}

}  // namespace revue
