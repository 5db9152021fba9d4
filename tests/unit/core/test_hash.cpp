// Checks core/hash.hpp: FNV-1a 64 against its published vectors, chaining, and constexpr use.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "revue/core/hash.hpp"

using revue::fnv1a;

// Usable where the index needs a constant: the same value at compile time.
static_assert(fnv1a("") == 14695981039346656037ull);
static_assert(fnv1a("a") == 0xaf63dc4c8601ec8cull);

TEST_CASE("fnv1a gives the published FNV-1a 64-bit values", "[hash]") {
    const auto [bytes, hash] = GENERATE(table<std::string, std::uint64_t>({
        {"", 14695981039346656037ull},
        {"a", 0xaf63dc4c8601ec8cull},
        {"foobar", 0x85944171f73967e8ull},
        {std::string(1, '\0'), 0xaf63bd4c8601b7dfull},  // a NUL byte counts
        {"\xff", 0xaf64724c8602eb6eull},                // bytes are taken unsigned
    }));
    CAPTURE(bytes);
    CHECK(fnv1a(bytes) == hash);
}

TEST_CASE("fnv1a continues from a previous hash", "[hash]") {
    CHECK(fnv1a("bar", fnv1a("foo")) == fnv1a("foobar"));
    CHECK(fnv1a("", fnv1a("foo")) == fnv1a("foo"));
    CHECK(fnv1a("foo", revue::kFnvBasis) == fnv1a("foo"));
    CHECK(fnv1a("ab") != fnv1a("ba"));
}
