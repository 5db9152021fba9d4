// The entry points of revue-readers.so, the only symbols it exports. Exceptions stay inside
// the module: what went wrong crosses the boundary as a reason string.
#include <new>

#include "revue/core/errors.hpp"
#include "revue/readers/reader.hpp"
#include "revue/readers/reader_module.hpp"

#define REVUE_EXPORT extern "C" __attribute__((visibility("default")))

REVUE_EXPORT int revue_reader_module_abi() {
    return revue::kReaderModuleAbi;
}

REVUE_EXPORT void revue_read_clippings(const std::filesystem::path& path, std::string_view bytes,
                                       revue::ReaderModuleResult& result) {
    try {
        result.clippings = revue::read_clippings(path, bytes);
    } catch (const revue::SkippedFile& skip) {
        result.skipped = skip.what();
    } catch (const std::bad_alloc&) {
        result.skipped = "too large to read in memory";
    } catch (const std::exception& e) {
        // A reader's library gave up on this file; the run goes on without it.
        result.skipped = std::string("unreadable: ") + e.what();
    }
}
