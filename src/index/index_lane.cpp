#include "revue/index/index_lane.hpp"

#include "revue/core/errors.hpp"
#include "revue/core/files.hpp"
#include "revue/core/hash.hpp"
#include "revue/index/document_builder.hpp"
#include "revue/index/schema.hpp"

namespace revue {
namespace fs = std::filesystem;

void LaneState::warn(const fs::path& path, const std::string& reason) {
    if (!options.on_warning) return;
    const std::lock_guard<std::mutex> lock(callback_mutex);
    options.on_warning(path, reason);
}

void LaneState::reading(const fs::path& path, std::uintmax_t size) {
    if (!options.on_file) return;
    const std::lock_guard<std::mutex> lock(callback_mutex);
    options.on_file(path, size);
}

bool LaneState::stopping() {
    if (!stop && options.stop_requested && options.stop_requested()) stop = true;
    return stop;
}

namespace {

void run_task(ShardWriter& shard, const Task& task, LaneState& state, IndexReport& report) {
    const std::string path = task.file.path.string();
    const std::string key = std::string(schema::kFileRecordPrefix) + path;
    if (task.gone) {
        shard.remove_file(path);
        shard.db().set_metadata(key, "");
        ++report.removed;
        return;
    }
    state.reading(task.file.path, task.file.size);
    const auto skip = [&](const std::string& reason) {
        ++report.skipped[reason];
        state.warn(task.file.path, reason);
        if (task.indexed) {
            shard.remove_file(path);
            shard.db().set_metadata(key, "");
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
        shard.db().set_metadata(key, encode_record(record));
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
    for (const auto& clipping : clippings) shard.add(make_document(clipping, state.codec));
    shard.db().set_metadata(key, encode_record(record));
    shard.added(bytes.size(), static_cast<int>(clippings.size()), state.commit_bytes,
                state.commit_documents);
    report.articles += static_cast<int>(clippings.size());
    ++(task.indexed ? report.updated : report.added);
}

}  // namespace

void run_lane(TaskQueue<LaneItem>& queue, std::vector<ShardWriter>& shards,
              const std::vector<std::size_t>& mine, LaneState& state, IndexReport& report) {
    struct Abandon {  // whatever happens, the walk stops waiting for this thread
        TaskQueue<LaneItem>& queue;
        ~Abandon() { queue.abandon(); }
    } abandon{queue};
    while (!state.stopping()) {
        auto item = queue.pop();
        if (!item) break;
        run_task(shards[item->shard], item->task, state, report);
        state.files_done += item->task.gone ? 0 : 1;
        state.bytes_done += item->task.gone ? 0 : item->task.file.size;
    }
    for (const std::size_t s : mine) shards[s].commit();
}

}  // namespace revue
