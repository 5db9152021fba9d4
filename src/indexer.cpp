#include "revue/indexer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "revue/analyzer.hpp"
#include "revue/folder_walker.hpp"
#include "revue/index_schema.hpp"
#include "revue/reader.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

// Fields are this many positions apart, so that a phrase never spans two fields.
constexpr Xapian::termpos kFieldGap = 100;

// Copies of one agency dispatch differ in title, source and tail, rarely in their opening:
// the first content words of the body identify the text.
constexpr std::size_t kFingerprintWords = 40;
constexpr std::size_t kFingerprintMinWords = 12;

// FNV-1a: a stable 64-bit hash, the same in every build, so that keys survive upgrades.
std::string fingerprint(const std::vector<std::string>& words) {
    std::uint64_t h = 14695981039346656037ull;
    for (const auto& w : words) {
        for (const unsigned char c : w) h = (h ^ c) * 1099511628211ull;
        h = (h ^ ' ') * 1099511628211ull;
    }
    return Xapian::sortable_serialise(static_cast<double>(h >> 11));
}

// Adds the words of one field: positional terms (prefix + term) and, for words that are not
// stop words, the stem term "Z" + prefix + stem, as Xapian's TermGenerator lays them out.
Xapian::termpos add_field(Xapian::Document& doc, const Analyzer& analyzer, std::string_view text,
                          std::string_view prefix, Xapian::termpos first, Xapian::termcount wdf = 1,
                          std::vector<std::string>* opening = nullptr) {
    Xapian::termpos last = first;
    std::string term(prefix);
    std::string stem_term(schema::kStem);
    stem_term += prefix;
    for (const auto& token : analyzer.tokens(text, first)) {
        term.resize(prefix.size());
        term += token.term;
        doc.add_posting(term, token.position, wdf);
        if (!token.stop) {
            stem_term.resize(schema::kStem.size() + prefix.size());
            stem_term += analyzer.stem(token.term);
            doc.add_term(stem_term, wdf);
            if (opening && opening->size() < kFingerprintWords) opening->push_back(token.term);
        }
        last = std::max(last, token.position);
    }
    return last + kFieldGap;
}

struct FileRecord {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
};

std::string encode_record(const FileRecord& r) {
    return std::to_string(r.size) + ' ' + std::to_string(r.mtime_ns);
}

FileRecord decode_record(const std::string& s) {
    FileRecord r;
    std::istringstream in(s);
    in >> r.size >> r.mtime_ns;
    return r;
}

// Owns a file descriptor for the length of one read.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// Reads what the file holds now: it may have changed, grown or gone since the walk.
// O_NONBLOCK: a file swapped for a fifo after the walk must not block the run.
std::string read_file(const fs::path& path, std::uintmax_t max_size) {
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) throw SkippedFile(file_error_reason(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) throw SkippedFile(file_error_reason(errno));
    if (!S_ISREG(st.st_mode)) throw SkippedFile("not a regular file");
    if (static_cast<std::uintmax_t>(st.st_size) > max_size) throw SkippedFile("too large");
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            throw SkippedFile(file_error_reason(errno));
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_size) throw SkippedFile("too large");
    }
    return bytes;
}

// Spelling suggestions come from the words of the text, not from prefixed field terms.
bool is_spelling_word(const std::string& term) {
    const auto first = static_cast<unsigned char>(term[0]);
    return !std::isupper(first) && !std::isdigit(first) && term.size() >= 3;
}

void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (is_spelling_word(*t)) db.add_spelling(*t, t.get_wdf());
}

// Removes a file's articles, and their words from the spelling data.
void remove_file(Xapian::WritableDatabase& db, const std::string& path) {
    const std::string term = schema::file_term(path);
    for (auto d = db.postlist_begin(term); d != db.postlist_end(term); ++d) {
        const Xapian::Document doc = db.get_document(*d);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if (is_spelling_word(*t)) db.remove_spelling(*t, t.get_wdf());
    }
    db.delete_document(term);
}

bool is_under(const std::string& path, const std::string& root) {
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
           (path[root.size()] == '/' || root == "/");
}

}  // namespace

int IndexReport::skipped_total() const {
    int total = 0;
    for (const auto& [reason, n] : skipped) total += n;
    return total;
}

std::string IndexReport::summary() const {
    std::string line = std::string(interrupted ? "interrupted, " : "") +
                       "indexed: " + std::to_string(added) + " added, " + std::to_string(updated) +
                       " updated, " + std::to_string(removed) + " removed, " +
                       std::to_string(unchanged) + " unchanged, " +
                       std::to_string(skipped_total()) + " skipped";
    if (!skipped.empty()) {
        line += " (";
        bool first = true;
        for (const auto& [reason, n] : skipped) {
            line += (first ? "" : ", ") + std::to_string(n) + ' ' + reason;
            first = false;
        }
        line += ')';
    }
    return line;
}

Xapian::Document make_document(const Clipping& c) {
    const Analyzer& analyzer = analyzer_for(language_from_code(c.lang));
    Xapian::Document doc;
    // Title words weigh more in the free text and are also searchable as title:word.
    add_field(doc, analyzer, c.title, schema::kTitle, 0);
    Xapian::termpos pos = add_field(doc, analyzer, c.title, "", 0, schema::kTitleWeight);
    pos = add_field(doc, analyzer, c.deck, "", pos);
    std::vector<std::string> opening;
    pos = add_field(doc, analyzer, c.body, "", pos, 1, &opening);
    if (opening.size() >= kFingerprintMinWords)
        doc.add_value(schema::kFingerprintSlot, fingerprint(opening));
    add_field(doc, analyzer, c.caption, "", pos);
    add_field(doc, analyzer, c.source, schema::kSource, 0);
    add_field(doc, analyzer, c.author, schema::kAuthor, 0);
    for (const auto& tag : c.tags)
        doc.add_boolean_term(std::string(schema::kTag) + analyzer.fold(tag));
    doc.add_boolean_term(std::string(schema::kLang) + c.lang);
    if (c.date.size() >= 4) doc.add_boolean_term(std::string(schema::kYear) + c.date.substr(0, 4));
    doc.add_boolean_term(schema::file_term(c.path));
    doc.add_boolean_term(schema::id_term(c.path, c.article));
    schema::store_clipping(doc, c);
    return doc;
}

// The writer's pid, kept beside Xapian's lock so a second writer can say who holds it.
constexpr std::string_view kPidFile = "revue-index.pid";

Indexer::Indexer(const fs::path& db_path) : db_path_(absolute_path(db_path)) {
    std::error_code ec;
    fs::create_directories(db_path_.parent_path(), ec);
    try {
        db_ = Xapian::WritableDatabase(db_path_.string(), Xapian::DB_CREATE_OR_OPEN);
        std::ofstream(db_path_ / kPidFile) << ::getpid() << '\n';
    } catch (const Xapian::DatabaseLockError&) {
        std::string pid;
        std::ifstream(db_path_ / kPidFile) >> pid;
        throw std::runtime_error("index is locked by another revue index" +
                                 (pid.empty() ? std::string() : " (pid " + pid + ")") + ": " +
                                 db_path_.string() + "; wait for it to finish");
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open index " + db_path_.string() +
                                 " for writing: " + e.get_msg());
    }
}

IndexReport Indexer::index(const std::vector<fs::path>& roots, const IndexOptions& options) {
    IndexReport report;
    const auto warn = [&](const fs::path& path, const std::string& reason) {
        if (options.on_warning) options.on_warning(path, reason);
    };

    std::map<std::string, FileRecord> records;
    const std::string record_prefix(schema::kFileRecordPrefix);
    for (auto it = db_.metadata_keys_begin(record_prefix);
         it != db_.metadata_keys_end(record_prefix); ++it) {
        records.emplace((*it).substr(record_prefix.size()), decode_record(db_.get_metadata(*it)));
    }

    std::set<std::string> seen;
    FolderWalker walker;
    walker.excluded.push_back(db_path_);
    walker.on_problem = [&](const fs::path& path, const std::string& reason) {
        ++report.skipped[reason];
        warn(path, reason);
    };
    std::uintmax_t pending_bytes = 0;
    int pending_documents = 0;
    const auto maybe_commit = [&] {
        if (pending_bytes >= options.commit_bytes ||
            pending_documents >= options.commit_documents) {
            db_.commit();
            pending_bytes = 0;
            pending_documents = 0;
        }
    };
    walker.on_file = [&](const FoundFile& file) {
        if (report.interrupted || (options.stop_requested && options.stop_requested())) {
            report.interrupted = true;
            return;
        }
        if (options.on_file) options.on_file(file.path, file.size);
        const std::string path = file.path.string();
        seen.insert(path);
        const auto known = records.find(path);
        const bool was_indexed = known != records.end();
        if (was_indexed && known->second.size == file.size &&
            known->second.mtime_ns == file.mtime_ns) {
            ++report.unchanged;
            return;
        }
        std::vector<Clipping> clippings;
        try {
            if (file.size > options.max_size) throw SkippedFile("too large");
            clippings = read_clippings(file.path, read_file(file.path, options.max_size));
        } catch (const SkippedFile& skip) {
            ++report.skipped[skip.what()];
            warn(file.path, skip.what());
            if (was_indexed) {
                remove_file(db_, path);
                db_.set_metadata(record_prefix + path, "");
            }
            return;
        }
        if (was_indexed) remove_file(db_, path);
        for (const auto& clipping : clippings) {
            const Xapian::Document doc = make_document(clipping);
            add_spelling(db_, doc);
            db_.add_document(doc);
        }
        db_.set_metadata(record_prefix + path, encode_record({file.size, file.mtime_ns}));
        pending_bytes += file.size;
        pending_documents += static_cast<int>(clippings.size());
        maybe_commit();
        report.articles += static_cast<int>(clippings.size());
        ++(was_indexed ? report.updated : report.added);
    };

    std::vector<std::string> root_paths;
    for (const auto& root : roots) root_paths.push_back(absolute_path(root).string());
    walker.walk(roots);

    // Files the index knows under these folders that the walk did not see are gone; after an
    // interrupted walk nothing is known to be gone.
    for (const auto& [path, record] : records) {
        if (report.interrupted) break;
        if (seen.count(path) != 0) continue;
        const bool covered = std::any_of(root_paths.begin(), root_paths.end(), [&](const auto& r) {
            return path == r || is_under(path, r);
        });
        if (!covered) continue;
        remove_file(db_, path);
        db_.set_metadata(record_prefix + path, "");
        ++report.removed;
    }

    std::set<std::string> all_roots(root_paths.begin(), root_paths.end());
    if (const auto stored = db_.get_metadata(std::string(schema::kRootsKey)); !stored.empty()) {
        for (const auto& r : nlohmann::json::parse(stored)) all_roots.insert(r.get<std::string>());
    }
    db_.set_metadata(
        std::string(schema::kRootsKey),
        nlohmann::json(all_roots).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db_.commit();
    return report;
}

}  // namespace revue
