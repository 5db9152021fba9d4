// The work of one indexing thread: the files of its shards, read, analysed and written one
// after the other as the folder walk hands them over.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "revue/index/clipping_codec.hpp"
#include "revue/index/file_record.hpp"
#include "revue/index/index_options.hpp"
#include "revue/index/index_report.hpp"
#include "revue/index/shard_writer.hpp"
#include "revue/index/task_queue.hpp"
#include "revue/source/folder_walker.hpp"

namespace revue {

// One file for a shard's thread: to read (new or changed), or to remove (gone).
struct Task {
    FoundFile file;
    bool indexed = false;  // the index holds a record of it
    bool gone = false;
    FileRecord record;
};

struct LaneItem {
    std::size_t shard;
    Task task;
};

// What the lanes share: callbacks are called one at a time, counters are atomic.
struct LaneState {
    LaneState(const IndexOptions& o, const ReadClippings& r, ClippingCodec c)
        : options(o), read(r), codec(std::move(c)) {}
    const IndexOptions& options;
    const ReadClippings& read;
    const ClippingCodec codec;
    std::mutex callback_mutex;
    std::atomic<bool> stop{false};
    std::atomic<std::uintmax_t> files_done{0};
    std::atomic<std::uintmax_t> bytes_done{0};
    std::uintmax_t commit_bytes = 0;  // per shard
    int commit_documents = 0;

    void warn(const std::filesystem::path& path, const std::string& reason);
    void reading(const std::filesystem::path& path, std::uintmax_t size);
    bool stopping();
};

// Takes the lane's items until the queue is closed or the run stops, then commits the lane's
// shards (`mine`). Whatever it throws, the queue is abandoned first, so the walk never waits.
void run_lane(TaskQueue<LaneItem>& queue, std::vector<ShardWriter>& shards,
              const std::vector<std::size_t>& mine, LaneState& state, IndexReport& report);

}  // namespace revue
