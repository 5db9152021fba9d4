// Turns the bytes of one file into the clippings it holds, whatever the file's format and
// encoding. Each format has its own reader module; this one picks the reader.
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "revue/clipping.hpp"

namespace revue {

// Thrown when a file holds nothing to index; what() is the reason a user reads in the
// warning line ("empty", "not text", "no text layer", ...).
struct SkippedFile : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Every clipping has path set to `path` and article numbered from 1; lang is always set.
std::vector<Clipping> read_clippings(const std::filesystem::path& path, std::string_view bytes);

// How the indexer reads a file: read_clippings itself (tests), or the same function loaded
// from the reader module (the CLI). Must be safe to call from several threads at once.
using ReadClippings =
    std::function<std::vector<Clipping>(const std::filesystem::path&, std::string_view)>;

}  // namespace revue
