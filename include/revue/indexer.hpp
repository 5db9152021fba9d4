// Brings a revue index in line with the clipping files under some folders: adds new files,
// replaces changed ones, removes deleted ones, leaves unchanged ones unread. Files are read,
// analysed and written on several threads, each owning the shards it writes.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "revue/clipping.hpp"
#include "revue/clipping_codec.hpp"
#include "revue/folder_walker.hpp"
#include "revue/index_store.hpp"
#include "revue/reader.hpp"

namespace revue {

struct IndexReport {
    int added = 0;
    int updated = 0;
    int removed = 0;
    int unchanged = 0;                   // also a touched file whose content is the same
    int articles = 0;                    // articles written by this run
    bool interrupted = false;            // stopped early; what was done is committed
    std::map<std::string, int> skipped;  // reason -> number of files
    int skipped_total() const;
    std::string summary() const;  // the one line printed at the end of a run
    void merge(const IndexReport& other);
};

struct IndexProgress {
    std::uintmax_t files_total = 0;  // every file the walk found
    std::uintmax_t files_done = 0;   // unchanged ones count as done from the start
    std::uintmax_t bytes_total = 0;  // of the files to read
    std::uintmax_t bytes_done = 0;
};

struct IndexOptions {
    std::uintmax_t max_size = 50 * 1024 * 1024;  // larger files are skipped: "too large"
    // Called once per skipped file or unreadable folder, with the reason. The indexer calls
    // its callbacks one at a time, whatever thread it is on.
    std::function<void(const std::filesystem::path&, const std::string&)> on_warning;
    // Called for each file about to be read (--verbose).
    std::function<void(const std::filesystem::path&, std::uintmax_t bytes)> on_file;
    // Called a few times a second while files are read, and once at the end.
    std::function<void(const IndexProgress&)> on_progress;
    // Polled between files: when it returns true the run commits what is done and stops,
    // removing nothing that was not yet removed.
    std::function<bool()> stop_requested;
    // The run commits at least every this many bytes of clipping text, or articles, divided
    // among the shards: memory stays bounded and a killed run loses at most one batch. Small
    // batches are also faster: Xapian's pending changes stay small enough for the caches
    // (measured on 20,000 clippings: 500 articles took 30% less CPU than 5,000, in a quarter
    // of the memory).
    std::uintmax_t commit_bytes = 8 * 1024 * 1024;
    int commit_documents = 500;
    // A run that reads this many files, a quarter of the index or more, on an index of fewer
    // shards than threads, adds a shard per thread for its new files (merged back at its end).
    std::uintmax_t parallel_run_files = 1000;
};

// The Xapian document of one clipping: terms of every field, values and stored fields.
Xapian::Document make_document(const Clipping& clipping,
                               const ClippingCodec& codec = ClippingCodec());

class Indexer {
  public:
    // Opens (or creates, with `jobs` shards) the index and locks it; throws when it is locked
    // or unwritable. jobs 0: one per core. A run uses at most one thread per shard.
    Indexer(const std::filesystem::path& db_path, ReadClippings read, unsigned jobs = 0);

    IndexReport index(const std::vector<std::filesystem::path>& roots, const IndexOptions& options);

  private:
    // The index's dictionary for stored clippings, trained on this run's first files when
    // the index has none yet and the run has enough of them.
    ClippingCodec codec_for(const std::vector<FoundFile>& new_files, const IndexOptions& options);

    IndexStore store_;
    ReadClippings read_;
    unsigned jobs_;
};

}  // namespace revue
