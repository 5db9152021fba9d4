#include "revue/indexer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unordered_map>

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

// FNV-1a: a stable 64-bit hash, the same in every build, so that what the index records
// survives upgrades.
constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvBasis) {
    for (const unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string fingerprint(const std::vector<std::string>& words) {
    std::uint64_t h = kFnvBasis;
    for (const auto& w : words) h = fnv1a(" ", fnv1a(w, h));
    return Xapian::sortable_serialise(static_cast<double>(h >> 11));
}

// Adds the words of one field: positional terms (prefix + term) and the stem term "Z" +
// prefix + stem, as Xapian's TermGenerator lays them out. Stop words are left out and take
// no position, as Lucene's StopFilter does: they are a third of French text, and so were a
// third of the index and of the time to build it. A phrase query drops them too
// ("le meilleur des mondes" is the phrase meilleur mondes), see rewrite_query.
Xapian::termpos add_field(Xapian::Document& doc, const Analyzer& analyzer, std::string_view text,
                          std::string_view prefix, Xapian::termpos first, Xapian::termcount wdf = 1,
                          std::vector<std::string>* opening = nullptr) {
    Xapian::termpos position = first;
    std::string term(prefix);
    std::string stem_term(schema::kStem);
    stem_term += prefix;
    for (const auto& token : analyzer.tokens(text, first)) {
        if (token.stop) continue;
        if (!token.extra || position == first) ++position;
        term.resize(prefix.size());
        term += token.term;
        doc.add_posting(term, position, wdf);
        stem_term.resize(schema::kStem.size() + prefix.size());
        stem_term += analyzer.stem(token.term);
        doc.add_term(stem_term, wdf);
        if (opening && opening->size() < kFingerprintWords) opening->push_back(token.term);
    }
    return position + kFieldGap;
}

// What the index records of a file, to tell next time whether it changed.
struct FileRecord {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0;  // of the bytes; 0: not known (an index made before hashes)
};

std::string encode_record(const FileRecord& r) {
    return std::to_string(r.size) + ' ' + std::to_string(r.mtime_ns) + ' ' + std::to_string(r.hash);
}

FileRecord decode_record(const std::string& s) {
    FileRecord r;
    std::istringstream in(s);
    in >> r.size >> r.mtime_ns >> r.hash;
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
    bytes.reserve(static_cast<std::size_t>(st.st_size));
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

bool is_under(const std::string& path, const std::string& root) {
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
           (path[root.size()] == '/' || root == "/");
}

// One file for a shard's thread: to read (new or changed), or to remove (gone).
struct Task {
    FoundFile file;
    bool indexed = false;  // the index holds a record of it
    bool gone = false;
    FileRecord record;
};

// A shard and the work its thread does on it. Only that thread touches it while the run goes.
struct ShardRun {
    Xapian::WritableDatabase* db = nullptr;
    std::uintmax_t pending_bytes = 0;
    int pending_documents = 0;
    // Spelling frequencies gathered until the next commit: one add_spelling per distinct word
    // and batch costs far less than one per word and article.
    std::unordered_map<std::string, Xapian::termcount> spelling;
    Xapian::doccount changed = 0;  // articles written or removed

    void add_spelling(const Xapian::Document& doc) {
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if (is_spelling_word(*t)) spelling[*t] += t.get_wdf();
    }

    void commit() {
        for (const auto& [word, freq] : spelling) db->add_spelling(word, freq);
        spelling.clear();
        db->commit();
        pending_bytes = 0;
        pending_documents = 0;
    }

    // Removes a file's articles, and their words from the spelling data.
    void remove_file(const std::string& path) {
        const std::string term = schema::file_term(path);
        for (auto d = db->postlist_begin(term); d != db->postlist_end(term); ++d) {
            const Xapian::Document doc = db->get_document(*d);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                if (!is_spelling_word(*t)) continue;
                // Words gathered for this batch are taken back before the stored ones.
                Xapian::termcount freq = t.get_wdf();
                if (const auto p = spelling.find(*t); p != spelling.end()) {
                    const auto taken = std::min(p->second, freq);
                    p->second -= taken;
                    freq -= taken;
                }
                if (freq > 0) db->remove_spelling(*t, freq);
            }
            ++changed;
        }
        db->delete_document(term);
    }
};

// The run's shared state: callbacks are called one at a time, counters are atomic.
struct RunState {
    RunState(const IndexOptions& o, const ReadClippings& r, ClippingCodec c)
        : options(o), read(r), codec(std::move(c)) {}
    const IndexOptions& options;
    const ReadClippings& read;
    const ClippingCodec codec;
    std::mutex callback_mutex;
    std::atomic<bool> stop{false};
    std::atomic<std::uintmax_t> files_done{0};
    std::atomic<std::uintmax_t> bytes_done{0};

    void warn(const fs::path& path, const std::string& reason) {
        if (!options.on_warning) return;
        const std::lock_guard<std::mutex> lock(callback_mutex);
        options.on_warning(path, reason);
    }
    void reading(const fs::path& path, std::uintmax_t size) {
        if (!options.on_file) return;
        const std::lock_guard<std::mutex> lock(callback_mutex);
        options.on_file(path, size);
    }
    bool stopping() {
        if (!stop && options.stop_requested && options.stop_requested()) stop = true;
        return stop;
    }
};

void run_task(ShardRun& shard, const Task& task, RunState& state, IndexReport& report,
              std::uintmax_t commit_bytes, int commit_documents) {
    const std::string key = std::string(schema::kFileRecordPrefix) + task.file.path.string();
    const std::string path = task.file.path.string();
    if (task.gone) {
        shard.remove_file(path);
        shard.db->set_metadata(key, "");
        ++report.removed;
        return;
    }
    state.reading(task.file.path, task.file.size);
    const auto skip = [&](const std::string& reason) {
        ++report.skipped[reason];
        state.warn(task.file.path, reason);
        if (task.indexed) {
            shard.remove_file(path);
            shard.db->set_metadata(key, "");
        }
    };
    std::string bytes;
    try {
        if (task.file.size > state.options.max_size) throw SkippedFile("too large");
        bytes = read_file(task.file.path, state.options.max_size);
    } catch (const SkippedFile& e) {
        return skip(e.what());
    }
    const FileRecord record{task.file.size, task.file.mtime_ns, fnv1a(bytes)};
    if (task.indexed && task.record.hash == record.hash && task.record.size == bytes.size()) {
        // Touched, not changed: only the record learns the new time.
        shard.db->set_metadata(key, encode_record(record));
        ++report.unchanged;
        return;
    }
    std::vector<Clipping> clippings;
    try {
        clippings = state.read(task.file.path, bytes);
    } catch (const SkippedFile& e) {
        return skip(e.what());
    }
    if (task.indexed) shard.remove_file(path);
    for (const auto& clipping : clippings) {
        const Xapian::Document doc = make_document(clipping, state.codec);
        shard.add_spelling(doc);
        shard.db->add_document(doc);
    }
    shard.db->set_metadata(key, encode_record(record));
    shard.changed += static_cast<Xapian::doccount>(clippings.size());
    shard.pending_bytes += bytes.size();
    shard.pending_documents += static_cast<int>(clippings.size());
    if (shard.pending_bytes >= commit_bytes || shard.pending_documents >= commit_documents)
        shard.commit();
    report.articles += static_cast<int>(clippings.size());
    ++(task.indexed ? report.updated : report.added);
}

// The tasks of one thread, handed over by the walk as it finds them. Bounded, so that a run
// holds a few hundred tasks whatever the size of the folder.
class TaskQueue {
  public:
    struct Item {
        std::size_t shard;
        Task task;
    };

    // Waits while the queue is full; drops the task once the thread has stopped taking any.
    void push(std::size_t shard, Task task) {
        std::unique_lock<std::mutex> lock(mutex_);
        room_.wait(lock, [&] { return items_.size() < kCapacity || abandoned_; });
        if (abandoned_) return;
        items_.push_back({shard, std::move(task)});
        ready_.notify_one();
    }
    void close() {
        const std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        ready_.notify_all();
    }
    // The next task, or nothing once the queue is closed and empty.
    std::optional<Item> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        Item item = std::move(items_.front());
        items_.pop_front();
        room_.notify_one();
        return item;
    }
    // The thread stopped (Ctrl-C, an error): the walk must not wait for it.
    void abandon() {
        const std::lock_guard<std::mutex> lock(mutex_);
        abandoned_ = true;
        room_.notify_all();
    }

  private:
    static constexpr std::size_t kCapacity = 256;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<Item> items_;
    bool closed_ = false;
    bool abandoned_ = false;
};

// One thread's share of the run: the tasks of its shards, in walk order.
void run_lane(TaskQueue& queue, std::vector<ShardRun>& shards, const std::vector<std::size_t>& mine,
              RunState& state, IndexReport& report, std::uintmax_t commit_bytes,
              int commit_documents) {
    struct Abandon {  // whatever happens, the walk stops waiting for this thread
        TaskQueue& queue;
        ~Abandon() { queue.abandon(); }
    } abandon{queue};
    while (!state.stopping()) {
        auto item = queue.pop();
        if (!item) break;
        run_task(shards[item->shard], item->task, state, report, commit_bytes, commit_documents);
        state.files_done += item->task.gone ? 0 : 1;
        state.bytes_done += item->task.gone ? 0 : item->task.file.size;
    }
    for (const std::size_t s : mine) shards[s].commit();
}

// Xapian's errors are not std::exceptions; the CLI prints std::exceptions.
std::exception_ptr as_runtime_error(const fs::path& index) {
    try {
        throw;
    } catch (const Xapian::Error& e) {
        return std::make_exception_ptr(
            std::runtime_error("cannot write the index " + index.string() + ": " + error_text(e)));
    } catch (...) {
        return std::current_exception();
    }
}

// How many of a run's first files a dictionary for stored clippings is trained on.
constexpr std::size_t kDictionarySampleFiles = 400;

}  // namespace

int IndexReport::skipped_total() const {
    int total = 0;
    for (const auto& [reason, n] : skipped) total += n;
    return total;
}

void IndexReport::merge(const IndexReport& other) {
    added += other.added;
    updated += other.updated;
    removed += other.removed;
    unchanged += other.unchanged;
    articles += other.articles;
    interrupted = interrupted || other.interrupted;
    for (const auto& [reason, n] : other.skipped) skipped[reason] += n;
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

Xapian::Document make_document(const Clipping& c, const ClippingCodec& codec) {
    const Analyzer& analyzer = analyzer_for(language_from_code(c.lang));
    Xapian::Document doc;
    // Title words weigh more in the free text and are also searchable as title:word.
    add_field(doc, analyzer, c.title, schema::kTitle, 0);
    Xapian::termpos pos = add_field(doc, analyzer, c.title, "", 0, schema::kTitleWeight);
    pos = add_field(doc, analyzer, c.deck, "", pos);
    std::vector<std::string> opening;
    pos = add_field(doc, analyzer, c.body, "", pos, 1, &opening);
    // The collapse key is given by mark_copies, once the run knows which texts have copies.
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
    schema::store_clipping(doc, c, codec);
    return doc;
}

ClippingCodec Indexer::codec_for(const std::vector<FoundFile>& new_files,
                                 const IndexOptions& options) {
    std::string dictionary = store_.shard(0).get_metadata(std::string(schema::kDictionaryKey));
    if (dictionary.empty()) {
        if (new_files.size() < ClippingCodec::kMinSamples) return {};
        std::vector<std::string> samples;
        for (const FoundFile& file : new_files) {
            try {
                if (file.size > options.max_size) continue;
                for (const auto& c : read_(file.path, read_file(file.path, options.max_size)))
                    samples.push_back(schema::stored_form(c));
            } catch (const SkippedFile&) {
                // Its warning comes when the file's turn comes.
            }
        }
        dictionary = ClippingCodec::train(samples);
        if (dictionary.empty()) return {};
    }
    // Every shard holds it, so that each can be read alone; searches map the file.
    for (std::size_t s = 0; s < store_.shard_count(); ++s) {
        auto& shard = store_.shard(s);
        if (shard.get_metadata(std::string(schema::kDictionaryKey)) != dictionary)
            shard.set_metadata(std::string(schema::kDictionaryKey), dictionary);
    }
    store_.keep_dictionary(dictionary);
    return ClippingCodec(std::move(dictionary));
}

namespace {

// jobs 0: one thread per core.
unsigned thread_count(unsigned jobs) {
    return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

Indexer::Indexer(const fs::path& db_path, ReadClippings read, unsigned jobs)
    : store_(db_path, thread_count(jobs)), read_(std::move(read)), jobs_(thread_count(jobs)) {
    store_.write_pid();
}

namespace {

// Copies of one text share the fingerprint of their opening words; only they get it as their
// collapse key (see kCollapseSlot). Settled once the threads are done, over every shard: a
// copy may be written to another shard than its original. Clippings of older indexes have
// the key and no fingerprint: they keep their key, and count in its group.
void mark_copies(const std::vector<ShardRun>& shards) {
    // Groups by a hash of the fingerprint, one sorted array of 8 bytes a clipping (a hash map
    // took 40): two fingerprints sharing a hash would only give keys that still differ.
    std::vector<std::uint64_t> hashes;
    struct Key {
        std::string value;
        bool fingerprinted = false;
    };
    std::vector<std::unordered_map<Xapian::docid, Key>> keys(shards.size());
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const Xapian::Database& db = *shards[s].db;
        for (auto v = db.valuestream_begin(schema::kCollapseSlot);
             v != db.valuestream_end(schema::kCollapseSlot); ++v)
            keys[s][v.get_docid()] = {*v, false};
        for (auto v = db.valuestream_begin(schema::kFingerprintSlot);
             v != db.valuestream_end(schema::kFingerprintSlot); ++v) {
            hashes.push_back(fnv1a(*v));
            if (const auto k = keys[s].find(v.get_docid()); k != keys[s].end())
                k->second.fingerprinted = true;
        }
        for (const auto& [id, key] : keys[s])
            if (!key.fingerprinted) hashes.push_back(fnv1a(key.value));
    }
    std::sort(hashes.begin(), hashes.end());
    const auto has_copies = [&](const std::string& fingerprint) {
        const auto [first, last] =
            std::equal_range(hashes.begin(), hashes.end(), fnv1a(fingerprint));
        return last - first > 1;
    };
    for (std::size_t s = 0; s < shards.size(); ++s) {
        Xapian::WritableDatabase& db = *shards[s].db;
        std::vector<std::pair<Xapian::docid, std::string>> updates;  // no key: ""
        for (auto v = db.valuestream_begin(schema::kFingerprintSlot);
             v != db.valuestream_end(schema::kFingerprintSlot); ++v) {
            const std::string wanted = has_copies(*v) ? *v : std::string();
            const auto k = keys[s].find(v.get_docid());
            if (wanted != (k != keys[s].end() ? k->second.value : std::string()))
                updates.emplace_back(v.get_docid(), wanted);
        }
        for (const auto& [id, key] : updates) {
            Xapian::Document doc = db.get_document(id);
            if (key.empty()) {
                doc.remove_value(schema::kCollapseSlot);
            } else {
                doc.add_value(schema::kCollapseSlot, key);
            }
            db.replace_document(id, doc);
        }
        if (!updates.empty()) db.commit();
    }
}

}  // namespace

IndexReport Indexer::index(const std::vector<fs::path>& roots, const IndexOptions& options) {
    IndexReport report;
    std::size_t shard_count = store_.shard_count();

    // What the index knows: each file's record, in the shard that holds the file.
    struct Known {
        std::size_t shard;
        FileRecord record;
        bool seen = false;  // by this run's walk; the others under its folders are gone
    };
    std::unordered_map<std::string, Known> known;
    const std::string record_prefix(schema::kFileRecordPrefix);
    for (std::size_t s = 0; s < shard_count; ++s) {
        auto& db = store_.shard(s);
        for (auto it = db.metadata_keys_begin(record_prefix);
             it != db.metadata_keys_end(record_prefix); ++it) {
            known[(*it).substr(record_prefix.size())] = {s, decode_record(db.get_metadata(*it)),
                                                         false};
        }
    }

    // Two walks, each a stat per file. The first counts, for the progress line, and marks
    // the files still there; the second hands each file to read to its shard's thread as it
    // finds it, through a bounded queue: a run holds no list of the folder's files, so its
    // memory does not grow with the folder.
    std::vector<std::string> root_paths;
    for (const auto& root : roots) root_paths.push_back(absolute_path(root).string());
    const auto unchanged = [](const Known* k, const FoundFile& file) {
        return k != nullptr && k->record.size == file.size && k->record.mtime_ns == file.mtime_ns;
    };
    const auto lookup = [&](const std::string& path) -> Known* {
        const auto k = known.find(path);
        return k == known.end() ? nullptr : &k->second;
    };
    IndexProgress progress;
    std::uintmax_t to_read = 0;
    {
        FolderWalker counting;
        counting.excluded.push_back(store_.path());
        counting.on_problem = [&](const fs::path& path, const std::string& reason) {
            ++report.skipped[reason];
            if (options.on_warning) options.on_warning(path, reason);
        };
        counting.on_file = [&](const FoundFile& file) {
            ++progress.files_total;
            Known* k = lookup(file.path.string());
            if (k != nullptr) k->seen = true;
            if (!unchanged(k, file)) {
                progress.bytes_total += file.size;
                ++to_read;
            }
        };
        counting.walk(roots);
    }

    // A settled index is one database, written by one thread. A run that changes a quarter
    // of it or more (and is merged back at its end anyway) writes new files to extra shards,
    // one per thread.
    Xapian::doccount documents = 0;
    for (std::size_t s = 0; s < shard_count; ++s) documents += store_.shard(s).get_doccount();
    if (jobs_ > shard_count && to_read >= options.parallel_run_files && to_read * 4 >= documents) {
        store_.add_shards(jobs_ - shard_count);
        shard_count = store_.shard_count();
    }

    std::vector<ShardRun> shards(shard_count);
    for (std::size_t s = 0; s < shard_count; ++s) shards[s].db = &store_.shard(s);
    // One thread per lane; lane l writes the shards s with s % lanes == l, so no shard is
    // ever written by two threads.
    const std::size_t lanes = std::min<std::size_t>(jobs_, shard_count);
    const std::uintmax_t commit_bytes =
        std::max<std::uintmax_t>(1, options.commit_bytes / shard_count);
    const int commit_documents =
        std::max(1, options.commit_documents / static_cast<int>(shard_count));
    std::vector<IndexReport> lane_reports(lanes);
    std::vector<std::exception_ptr> errors(lanes);
    std::vector<TaskQueue> queues(lanes);
    std::vector<std::thread> threads;
    std::optional<RunState> state;
    std::atomic<std::uintmax_t> unchanged_files{0};
    const auto report_progress = [&] {
        if (!options.on_progress || !state) return;
        IndexProgress now = progress;
        now.files_done = unchanged_files + state->files_done;
        now.bytes_done = state->bytes_done;
        const std::lock_guard<std::mutex> lock(state->callback_mutex);
        options.on_progress(now);
    };
    auto last_progress = std::chrono::steady_clock::now();
    const auto progress_now_and_then = [&] {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_progress < std::chrono::milliseconds(200)) return;
        last_progress = now;
        report_progress();
    };

    // The first files to read wait until the codec is trained on them; then the threads start.
    std::vector<TaskQueue::Item> waiting;
    const auto start_lanes = [&] {
        std::vector<FoundFile> samples;
        for (const auto& item : waiting)
            if (!item.task.gone) samples.push_back(item.task.file);
        state.emplace(options, read_, codec_for(samples, options));
        for (std::size_t l = 0; l < lanes; ++l) {
            std::vector<std::size_t> mine;
            for (std::size_t s = l; s < shard_count; s += lanes) mine.push_back(s);
            threads.emplace_back([&, l, mine] {
                try {
                    run_lane(queues[l], shards, mine, *state, lane_reports[l], commit_bytes,
                             commit_documents);
                } catch (...) {
                    errors[l] = as_runtime_error(store_.path());
                    state->stop = true;  // the other lanes commit what they did and stop
                }
            });
        }
        for (auto& item : waiting)
            queues[item.shard % lanes].push(item.shard, std::move(item.task));
        waiting.clear();
        waiting.shrink_to_fit();
    };
    const auto hand_over = [&](std::size_t shard, Task task) {
        if (!state) {
            waiting.push_back({shard, std::move(task)});
            if (waiting.size() >= kDictionarySampleFiles) start_lanes();
        } else {
            queues[shard % lanes].push(shard, std::move(task));
            progress_now_and_then();
        }
    };

    // An index that has its dictionary already needs no sample: the threads start at once.
    if (to_read > 0 && !store_.shard(0).get_metadata(std::string(schema::kDictionaryKey)).empty())
        start_lanes();
    if (to_read == 0) {
        // Nothing changed: the count was the whole walk (a no-change run costs one stat a file).
        report.unchanged = static_cast<int>(progress.files_total);
        unchanged_files = progress.files_total;
    } else {
        FolderWalker walker;
        walker.excluded.push_back(store_.path());
        walker.on_problem = [](const fs::path&, const std::string&) {};  // said by the count
        walker.on_file = [&](const FoundFile& file) {
            if (state && state->stopping()) return;
            const std::string& path = file.path.string();
            const Known* k = lookup(path);
            if (unchanged(k, file)) {
                ++report.unchanged;
                ++unchanged_files;
                return;
            }
            // A new file goes to the shard its path hashes to: stable, and even enough.
            const std::size_t s = k != nullptr ? k->shard : fnv1a(path) % shard_count;
            hand_over(s, Task{file, k != nullptr, false, k != nullptr ? k->record : FileRecord{}});
        };
        walker.walk(roots);
    }
    // Files the index knows under these folders that the first walk did not see are gone.
    for (const auto& [path, k] : known) {
        if (k.seen || (state && state->stopping())) continue;
        const bool covered = std::any_of(root_paths.begin(), root_paths.end(), [&](const auto& r) {
            return path == r || is_under(path, r);
        });
        if (covered) hand_over(k.shard, Task{{path, 0, 0}, true, true, k.record});
    }
    if (!state) start_lanes();
    for (auto& queue : queues) queue.close();
    for (auto& t : threads) t.join();
    report_progress();
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    for (const auto& lane : lane_reports) report.merge(lane);
    report.interrupted = report.interrupted || state->stop;

    try {
        std::set<std::string> all_roots(root_paths.begin(), root_paths.end());
        auto& first = store_.shard(0);
        if (const auto stored = first.get_metadata(std::string(schema::kRootsKey));
            !stored.empty()) {
            for (const auto& r : nlohmann::json::parse(stored))
                all_roots.insert(r.get<std::string>());
        }
        first.set_metadata(std::string(schema::kRootsKey),
                           nlohmann::json(all_roots).dump(
                               -1, ' ', false, nlohmann::json::error_handler_t::replace));
        first.commit();

        Xapian::doccount changed = 0;
        for (const auto& shard : shards) changed += shard.changed;
        if (changed > 0) mark_copies(shards);
        // Written in shards, or much changed by this run (a first run, above all): rewritten
        // as one compact database, smaller on disk and faster to search.
        if (!report.interrupted &&
            (shard_count > 1 || (changed > 0 && changed * 4 >= store_.shard(0).get_doccount())))
            store_.merge();
    } catch (const Xapian::Error&) {
        std::rethrow_exception(as_runtime_error(store_.path()));
    }
    return report;
}

}  // namespace revue
