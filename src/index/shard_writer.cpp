#include "revue/index/shard_writer.hpp"

#include <algorithm>
#include <cctype>

#include "revue/index/schema.hpp"

namespace revue {
namespace {

// Spelling suggestions come from the words of the text, not from prefixed field terms.
bool is_spelling_word(const std::string& term) {
    const auto first = static_cast<unsigned char>(term[0]);
    return !schema::has_prefix(term) && !std::isdigit(first) && term.size() >= 3;
}

}  // namespace

void ShardWriter::add(const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (is_spelling_word(*t)) spelling_[*t] += t.get_wdf();
    db_->add_document(doc);
    ++changed_;
}

void ShardWriter::remove_file(const std::string& path) {
    const std::string term = schema::file_term(path);
    for (auto d = db_->postlist_begin(term); d != db_->postlist_end(term); ++d) {
        const Xapian::Document doc = db_->get_document(*d);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if (!is_spelling_word(*t)) continue;
            // Words gathered for this batch are taken back before the stored ones.
            Xapian::termcount freq = t.get_wdf();
            if (const auto p = spelling_.find(*t); p != spelling_.end()) {
                const auto taken = std::min(p->second, freq);
                p->second -= taken;
                freq -= taken;
            }
            if (freq > 0) db_->remove_spelling(*t, freq);
        }
        ++changed_;
    }
    db_->delete_document(term);
}

void ShardWriter::added(std::uintmax_t bytes, int documents, std::uintmax_t commit_bytes,
                        int commit_documents) {
    pending_bytes_ += bytes;
    pending_documents_ += documents;
    if (pending_bytes_ >= commit_bytes || pending_documents_ >= commit_documents) commit();
}

void ShardWriter::commit() {
    for (const auto& [word, freq] : spelling_) db_->add_spelling(word, freq);
    spelling_.clear();
    db_->commit();
    pending_bytes_ = 0;
    pending_documents_ = 0;
}

}  // namespace revue
