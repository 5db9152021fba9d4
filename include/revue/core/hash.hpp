// A stable 64-bit hash (FNV-1a), the same in every build and on every machine, for what the
// index records and compares across runs: file contents, fingerprints, shard choice.
#pragma once

#include <cstdint>
#include <string_view>

namespace revue {

inline constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;

constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvBasis) {
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

}  // namespace revue
