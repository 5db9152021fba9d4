// Loads the file readers (PDF, HTML, Markdown, language detection) from their own shared
// module, so that a search never pays for loading poppler, gumbo, yaml-cpp and CLD2.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "revue/core/clipping.hpp"

namespace revue {

// What the module's entry point fills in: the clippings, or why the file was skipped.
struct ReaderModuleResult {
    std::vector<Clipping> clippings;
    std::string skipped;  // empty when the file was read
};

// Bumped whenever ReaderModuleResult, Clipping or the entry points change, so that a module
// left over from another build is refused instead of misread.
inline constexpr int kReaderModuleAbi = 1;

// The module's file name; it lives beside the revue executable (build tree) or in
// <libdir>/revue (installed).
inline constexpr std::string_view kReaderModuleName = "revue-readers.so";

class ReaderModule {
  public:
    // Throws Error naming the folders looked in when the module cannot be loaded.
    static ReaderModule load();

    // Same contract as read_clippings (reader.hpp): throws SkippedFile with the reason.
    std::vector<Clipping> read(const std::filesystem::path& path, std::string_view bytes) const;

  private:
    using Entry = void (*)(const std::filesystem::path&, std::string_view, ReaderModuleResult&);
    explicit ReaderModule(Entry entry) : entry_(entry) {}
    Entry entry_;
};

}  // namespace revue
