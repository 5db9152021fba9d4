// What the index records of each file it read, to tell at the next run whether it changed.
#pragma once

#include <cstdint>
#include <string>

namespace revue {

struct FileRecord {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0;  // of the bytes; 0: not known (an index made before hashes)
};

// "SIZE MTIME HASH", as the metadata entry "file:" + path holds it.
std::string encode_record(const FileRecord& record);
FileRecord decode_record(const std::string& text);

}  // namespace revue
