// Turns the bytes of one file into the clippings it holds, whatever the file's format and
// encoding. Each format has its own reader module; this one picks the reader.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "revue/core/clipping.hpp"

namespace revue {

// Every clipping has path set to `path` and article numbered from 1; lang is always set.
// Throws SkippedFile (core/errors.hpp) with the reason when the file holds nothing to index.
// Safe to call from several threads at once.
std::vector<Clipping> read_clippings(const std::filesystem::path& path, std::string_view bytes);

}  // namespace revue
