// One shard as its indexing thread writes it: documents added and removed, the spelling
// data kept in step with them, and a commit every so often.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace revue {

// Only its own thread touches a ShardWriter while a run goes.
class ShardWriter {
  public:
    explicit ShardWriter(Xapian::WritableDatabase& db) : db_(&db) {}

    Xapian::WritableDatabase& db() { return *db_; }
    const Xapian::WritableDatabase& db() const { return *db_; }

    // Adds the document, and its words to the spelling data.
    void add(const Xapian::Document& doc);
    // Removes a file's articles, and their words from the spelling data.
    void remove_file(const std::string& path);

    // Counts what a file added toward the next commit; commits once a batch is full.
    void added(std::uintmax_t bytes, int documents, std::uintmax_t commit_bytes,
               int commit_documents);
    void commit();

    // Articles written or removed by this run.
    Xapian::doccount changed() const { return changed_; }

  private:
    Xapian::WritableDatabase* db_;
    std::uintmax_t pending_bytes_ = 0;
    int pending_documents_ = 0;
    // Spelling frequencies gathered until the next commit: one add_spelling per distinct word
    // and batch costs far less than one per word and article.
    std::unordered_map<std::string, Xapian::termcount> spelling_;
    Xapian::doccount changed_ = 0;
};

}  // namespace revue
