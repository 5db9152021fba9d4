// What the unit tests share: fixture files, whole-file reads, and small checks on strings.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#ifndef REVUE_FIXTURES
#error "REVUE_FIXTURES comes from tests/CMakeLists.txt"
#endif

namespace revue::testing {

// A file of tests/fixtures, by its path under that folder.
inline std::filesystem::path fixture_path(const std::string& relative) {
    return std::filesystem::path(REVUE_FIXTURES) / relative;
}

// The bytes of a file, or "" when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string fixture(const std::string& relative) {
    return read_bytes(fixture_path(relative));
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

inline bool valid_utf8(std::string_view s) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    for (std::size_t i = 0; i < s.size();) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, s.size(), c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace revue::testing
