// Brings a Xapian database in line with the clipping files under some folders: adds new
// files, replaces changed ones, removes deleted ones, leaves unchanged ones unread.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "revue/clipping.hpp"

namespace revue {

struct IndexReport {
    int added = 0;
    int updated = 0;
    int removed = 0;
    int unchanged = 0;
    int articles = 0;                    // articles written by this run
    bool interrupted = false;            // stopped early; what was done is committed
    std::map<std::string, int> skipped;  // reason -> number of files
    int skipped_total() const;
    std::string summary() const;  // the one line printed at the end of a run
};

struct IndexOptions {
    std::uintmax_t max_size = 50 * 1024 * 1024;  // larger files are skipped: "too large"
    // Called once per skipped file or unreadable folder, with the reason.
    std::function<void(const std::filesystem::path&, const std::string&)> on_warning;
    // Called after each file the walk found, indexed or not (progress, --verbose).
    std::function<void(const std::filesystem::path&, std::uintmax_t bytes)> on_file;
    // Polled between files: when it returns true the run commits what is done and stops,
    // removing nothing (the walk did not finish, so unseen files are not known to be gone).
    std::function<bool()> stop_requested;
    // A commit happens at least every this many bytes of clipping text, or documents, so
    // memory stays bounded and a killed run loses at most one batch.
    std::uintmax_t commit_bytes = 64 * 1024 * 1024;
    int commit_documents = 5000;
};

// The Xapian document of one clipping: terms of every field, values and stored fields.
Xapian::Document make_document(const Clipping& clipping);

class Indexer {
  public:
    // Creates the database when it does not exist yet. Throws when it is locked or unwritable.
    explicit Indexer(const std::filesystem::path& db_path);

    IndexReport index(const std::vector<std::filesystem::path>& roots, const IndexOptions& options);

  private:
    std::filesystem::path db_path_;
    Xapian::WritableDatabase db_;
};

}  // namespace revue
