#include "revue/index/indexer.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "revue/core/errors.hpp"
#include "revue/core/files.hpp"
#include "revue/core/hash.hpp"
#include "revue/index/copies.hpp"
#include "revue/index/file_record.hpp"
#include "revue/index/index_lane.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"
#include "revue/index/xapian_errors.hpp"
#include "revue/source/folder_walker.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

// How many of a run's first files a dictionary for stored clippings is trained on.
constexpr std::size_t kDictionarySampleFiles = 400;

// jobs 0: one thread per core.
unsigned thread_count(unsigned jobs) {
    return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

bool is_under(const std::string& path, const std::string& root) {
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
           (path[root.size()] == '/' || root == "/");
}

// One call of Indexer::index: the walks, the lanes, and the settling of the index after them.
class Run {
  public:
    Run(IndexStore& store, const ReadClippings& read, unsigned jobs, const IndexOptions& options)
        : store_(store), read_(read), jobs_(jobs), options_(options) {}
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // A run that ends early (a folder gone between the walks) stops its lanes first.
    ~Run() {
        if (state_) state_->stop = true;
        for (auto& queue : queues_) queue.close();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }

    IndexReport go(const std::vector<fs::path>& roots) {
        for (const auto& root : roots) root_paths_.push_back(absolute_path(root).string());
        load_known();
        count(roots);
        plan_shards();
        // An index that has its dictionary already needs no sample: the lanes start at once.
        if (to_read_ > 0 && !dictionary().empty()) start_lanes();
        if (to_read_ == 0) {
            // Nothing changed: the count was the whole walk (a no-change run costs one stat a
            // file).
            report_.unchanged = static_cast<int>(progress_.files_total);
            unchanged_files_ = progress_.files_total;
        } else {
            walk(roots);
        }
        remove_gone();
        if (!state_) start_lanes();
        finish_lanes();
        settle();
        return report_;
    }

  private:
    // What the index knows: each file's record, in the shard that holds the file.
    struct Known {
        std::size_t shard;
        FileRecord record;
        bool seen = false;  // by this run's walk; the others under its folders are gone
    };

    std::string dictionary() {
        return store_.shard(0).get_metadata(std::string(schema::kDictionaryKey));
    }

    void load_known() {
        const std::string prefix(schema::kFileRecordPrefix);
        for (std::size_t s = 0; s < store_.shard_count(); ++s) {
            auto& db = store_.shard(s);
            for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix);
                 ++it) {
                known_[(*it).substr(prefix.size())] = {s, decode_record(db.get_metadata(*it)),
                                                       false};
            }
        }
    }

    Known* lookup(const std::string& path) {
        const auto k = known_.find(path);
        return k == known_.end() ? nullptr : &k->second;
    }

    static bool unchanged(const Known* k, const FoundFile& file) {
        return k != nullptr && k->record.size == file.size && k->record.mtime_ns == file.mtime_ns;
    }

    // Two walks, each a stat per file. The first counts, for the progress line, and marks the
    // files still there; the second hands each file to read to its shard's thread as it finds
    // it, through a bounded queue: a run holds no list of the folder's files, so its memory
    // does not grow with the folder.
    void count(const std::vector<fs::path>& roots) {
        FolderWalker counting;
        counting.excluded.push_back(store_.path());
        counting.on_problem = [&](const fs::path& path, const std::string& reason) {
            ++report_.skipped[reason];
            if (options_.on_warning) options_.on_warning(path, reason);
        };
        counting.on_file = [&](const FoundFile& file) {
            ++progress_.files_total;
            Known* k = lookup(file.path.string());
            if (k != nullptr) k->seen = true;
            if (!unchanged(k, file)) {
                progress_.bytes_total += file.size;
                ++to_read_;
            }
        };
        counting.walk(roots);
    }

    // A settled index is one database, written by one thread. A run that changes a quarter
    // of it or more (and is merged back at its end anyway) writes new files to extra shards,
    // one per thread.
    void plan_shards() {
        Xapian::doccount documents = 0;
        for (std::size_t s = 0; s < store_.shard_count(); ++s)
            documents += store_.shard(s).get_doccount();
        if (jobs_ > store_.shard_count() && to_read_ >= options_.parallel_run_files &&
            to_read_ * 4 >= documents)
            store_.add_shards(jobs_ - store_.shard_count());
        for (std::size_t s = 0; s < store_.shard_count(); ++s)
            shards_.emplace_back(store_.shard(s));
        // One thread per lane; lane l writes the shards s with s % lanes == l, so no shard is
        // ever written by two threads.
        lanes_ = std::min<std::size_t>(jobs_, shards_.size());
        lane_reports_.resize(lanes_);
        errors_.resize(lanes_);
        queues_ = std::vector<TaskQueue<LaneItem>>(lanes_);
    }

    // The dictionary of stored clippings, trained on this run's first files when the index
    // has none yet and the run has enough of them.
    ClippingCodec codec(const std::vector<FoundFile>& new_files) {
        std::string bytes = dictionary();
        if (bytes.empty()) {
            if (new_files.size() < ClippingCodec::kMinSamples) return {};
            std::vector<std::string> samples;
            for (const FoundFile& file : new_files) {
                try {
                    if (file.size > options_.max_size) continue;
                    for (const auto& c : read_(file.path, read_file(file.path, options_.max_size)))
                        samples.push_back(schema::stored_form(c));
                } catch (const SkippedFile&) {
                    // Its warning comes when the file's turn comes.
                }
            }
            bytes = ClippingCodec::train(samples);
            if (bytes.empty()) return {};
        }
        // Every shard holds it, so that each can be read alone; searches map the file.
        const std::string key(schema::kDictionaryKey);
        for (std::size_t s = 0; s < store_.shard_count(); ++s) {
            auto& shard = store_.shard(s);
            if (shard.get_metadata(key) != bytes) shard.set_metadata(key, bytes);
        }
        store_.keep_dictionary(bytes);
        return ClippingCodec(std::move(bytes));
    }

    // The first files to read wait until the codec is trained on them; then the lanes start.
    void start_lanes() {
        std::vector<FoundFile> samples;
        for (const auto& item : waiting_)
            if (!item.task.gone) samples.push_back(item.task.file);
        state_.emplace(options_, read_, codec(samples));
        state_->commit_bytes = std::max<std::uintmax_t>(1, options_.commit_bytes / shards_.size());
        state_->commit_documents =
            std::max(1, options_.commit_documents / static_cast<int>(shards_.size()));
        for (std::size_t l = 0; l < lanes_; ++l) {
            std::vector<std::size_t> mine;
            for (std::size_t s = l; s < shards_.size(); s += lanes_) mine.push_back(s);
            threads_.emplace_back([this, l, mine] {
                try {
                    run_lane(queues_[l], shards_, mine, *state_, lane_reports_[l]);
                } catch (...) {
                    errors_[l] = std::current_exception();
                    state_->stop = true;  // the other lanes commit what they did and stop
                }
            });
        }
        for (auto& item : waiting_) queues_[item.shard % lanes_].push(std::move(item));
        waiting_.clear();
        waiting_.shrink_to_fit();
    }

    void hand_over(std::size_t shard, Task task) {
        if (!state_) {
            waiting_.push_back({shard, std::move(task)});
            if (waiting_.size() >= kDictionarySampleFiles) start_lanes();
        } else {
            queues_[shard % lanes_].push({shard, std::move(task)});
            progress_now_and_then();
        }
    }

    void walk(const std::vector<fs::path>& roots) {
        FolderWalker walker;
        walker.excluded.push_back(store_.path());
        walker.on_problem = [](const fs::path&, const std::string&) {};  // said by the count
        walker.on_file = [&](const FoundFile& file) {
            if (state_ && state_->stopping()) return;
            const std::string& path = file.path.string();
            const Known* k = lookup(path);
            if (unchanged(k, file)) {
                ++report_.unchanged;
                ++unchanged_files_;
                return;
            }
            // A new file goes to the shard its path hashes to: stable, and even enough.
            const std::size_t s = k != nullptr ? k->shard : fnv1a(path) % shards_.size();
            hand_over(s, Task{file, k != nullptr, false, k != nullptr ? k->record : FileRecord{}});
        };
        walker.walk(roots);
    }

    // Files the index knows under these folders that the first walk did not see are gone.
    void remove_gone() {
        for (const auto& entry : known_) {
            const std::string& path = entry.first;
            const Known& k = entry.second;
            if (k.seen || (state_ && state_->stopping())) continue;
            const bool covered =
                std::any_of(root_paths_.begin(), root_paths_.end(),
                            [&](const std::string& r) { return path == r || is_under(path, r); });
            if (covered) hand_over(k.shard, Task{{path, 0, 0}, true, true, k.record});
        }
    }

    void finish_lanes() {
        for (auto& queue : queues_) queue.close();
        for (auto& t : threads_) t.join();
        report_progress();
        for (const auto& error : errors_)
            if (error) std::rethrow_exception(error);
        for (const auto& lane : lane_reports_) report_.merge(lane);
        report_.interrupted = report_.interrupted || state_->stop;
    }

    // The folders covered, the copies marked, and the shards merged when worth it.
    void settle() {
        std::set<std::string> all_roots(root_paths_.begin(), root_paths_.end());
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
        std::vector<Xapian::WritableDatabase*> dbs;
        for (auto& shard : shards_) {
            changed += shard.changed();
            dbs.push_back(&shard.db());
        }
        if (changed > 0) mark_copies(dbs);
        // Written in shards, or much changed by this run (a first run, above all): rewritten
        // as one compact database, smaller on disk and faster to search.
        if (!report_.interrupted &&
            (shards_.size() > 1 || (changed > 0 && changed * 4 >= first.get_doccount())))
            store_.merge();
    }

    void report_progress() {
        if (!options_.on_progress || !state_) return;
        IndexProgress now = progress_;
        now.files_done = unchanged_files_ + state_->files_done;
        now.bytes_done = state_->bytes_done;
        const std::lock_guard<std::mutex> lock(state_->callback_mutex);
        options_.on_progress(now);
    }

    void progress_now_and_then() {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_progress_ < std::chrono::milliseconds(200)) return;
        last_progress_ = now;
        report_progress();
    }

    IndexStore& store_;
    const ReadClippings& read_;
    const unsigned jobs_;
    const IndexOptions& options_;
    IndexReport report_;
    std::vector<std::string> root_paths_;
    std::unordered_map<std::string, Known> known_;
    IndexProgress progress_;
    std::uintmax_t to_read_ = 0;
    std::vector<ShardWriter> shards_;
    std::size_t lanes_ = 0;
    std::vector<IndexReport> lane_reports_;
    std::vector<std::exception_ptr> errors_;
    std::vector<TaskQueue<LaneItem>> queues_;
    std::vector<std::thread> threads_;
    std::optional<LaneState> state_;
    std::atomic<std::uintmax_t> unchanged_files_{0};
    std::vector<LaneItem> waiting_;
    std::chrono::steady_clock::time_point last_progress_ = std::chrono::steady_clock::now();
};

}  // namespace

Indexer::Indexer(const fs::path& db_path, ReadClippings read, unsigned jobs)
    : store_(db_path, thread_count(jobs)), read_(std::move(read)), jobs_(thread_count(jobs)) {
    store_.write_pid();
}

IndexReport Indexer::index(const std::vector<fs::path>& roots, const IndexOptions& options) {
    return guard_index(store_.path(), IndexAccess::write,
                       [&] { return Run(store_, read_, jobs_, options).go(roots); });
}

}  // namespace revue
