#include "revue/core/icu_data.hpp"

#ifdef REVUE_STATIC_ICU
#include <dlfcn.h>
#include <unicode/udata.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#define REVUE_STRINGIFY_(x) #x
#define REVUE_STRINGIFY(x) REVUE_STRINGIFY_(x)

namespace {

// ICU's own "stubdata" (icu4c/source/stubdata): a valid, empty common data package. The
// static libicuuc refers to this symbol; the real package comes from udata_setCommonData.
struct EmptyIcuData {
    std::uint16_t header_size;
    std::uint8_t magic1, magic2;
    UDataInfo info;
    char padding[8];
    std::uint32_t count, reserved;
    int toc[4];
};

}  // namespace

// Hidden: libicudata.so, loaded with the binary, defines the same name, and an exported stub
// would take its place for the shared ICU that the readers module loads.
extern "C" __attribute__((visibility("hidden")))
const EmptyIcuData U_ICUDATA_ENTRY_POINT alignas(16) = {
    32,
    0xda,
    0x27,
    {sizeof(UDataInfo),
     0,
     U_IS_BIG_ENDIAN,
     U_CHARSET_FAMILY,
     sizeof(char16_t),
     0,
     {0x54, 0x6f, 0x43, 0x50},  // "ToCP": a table of contents
     {1, 0, 0, 0},
     {0, 0, 0, 0}},
    {'s', 't', 'u', 'b', 'd', 'a', 't', 'a'},
    0,
    0,
    {0, 0, 0, 0}};

namespace revue {

void load_icu_data() {
    static const char* const kLibrary = "libicudata.so." REVUE_STRINGIFY(U_ICU_VERSION_MAJOR_NUM);
    // Never closed: ICU keeps pointers into it until the process ends.
    void* const library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
    const char* const problem = library ? nullptr : dlerror();
    const void* const data =
        library ? dlsym(library, REVUE_STRINGIFY(U_ICUDATA_ENTRY_POINT)) : nullptr;
    if (data == nullptr) {
        throw std::runtime_error(std::string("cannot load ICU's data from ") + kLibrary + ": " +
                                 (problem ? problem : "no data symbol") +
                                 " (install Debian's libicu" +
                                 REVUE_STRINGIFY(U_ICU_VERSION_MAJOR_NUM) + ")");
    }
    UErrorCode err = U_ZERO_ERROR;
    udata_setCommonData(data, &err);
    if (U_FAILURE(err)) {
        throw std::runtime_error(std::string("cannot use ICU's data from ") + kLibrary + ": " +
                                 u_errorName(err));
    }
}

}  // namespace revue

#else

namespace revue {

void load_icu_data() {}

}  // namespace revue

#endif
