#include "revue/readers/reader_module.hpp"

#include <dlfcn.h>

#include "revue/core/errors.hpp"

#ifndef REVUE_MODULE_DIR
#define REVUE_MODULE_DIR "/usr/local/lib/revue"
#endif

namespace revue {
namespace fs = std::filesystem;

namespace {

using AbiFunction = int (*)();

}  // namespace

ReaderModule ReaderModule::load() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) candidates.push_back(exe.parent_path() / kReaderModuleName);
    candidates.push_back(fs::path(REVUE_MODULE_DIR) / kReaderModuleName);

    std::string tried;
    for (const auto& candidate : candidates) {
        if (!fs::exists(candidate, ec)) {
            tried += (tried.empty() ? "" : ", ") + candidate.string();
            continue;
        }
        // Never closed: poppler and CLD2 keep static state whose destructors must run with
        // the process, not halfway through it.
        void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            throw Error("cannot load the file readers " + candidate.string() + ": " + ::dlerror());
        }
        const auto abi = reinterpret_cast<AbiFunction>(::dlsym(handle, "revue_reader_module_abi"));
        const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "revue_read_clippings"));
        if (abi == nullptr || entry == nullptr || abi() != kReaderModuleAbi) {
            throw Error("the file readers " + candidate.string() +
                        " come from another build of revue; reinstall revue");
        }
        return ReaderModule(entry);
    }
    throw Error("cannot find the file readers " + std::string(kReaderModuleName) + " (looked for " +
                tried + "); reinstall revue");
}

std::vector<Clipping> ReaderModule::read(const fs::path& path, std::string_view bytes) const {
    ReaderModuleResult result;
    entry_(path, bytes, result);
    if (!result.skipped.empty()) throw SkippedFile(result.skipped);
    return std::move(result.clippings);
}

}  // namespace revue
