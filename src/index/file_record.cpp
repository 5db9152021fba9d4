#include "revue/index/file_record.hpp"

#include <sstream>

namespace revue {

std::string encode_record(const FileRecord& r) {
    return std::to_string(r.size) + ' ' + std::to_string(r.mtime_ns) + ' ' + std::to_string(r.hash);
}

FileRecord decode_record(const std::string& text) {
    FileRecord r;
    std::istringstream in(text);
    in >> r.size >> r.mtime_ns >> r.hash;
    return r;
}

}  // namespace revue
