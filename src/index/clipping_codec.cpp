#include "revue/index/clipping_codec.hpp"

#include <zdict.h>
// For ZSTD_createDDict_byReference and the _advanced constructors: stable since zstd 1.0,
// exported by Debian's libzstd.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "revue/core/errors.hpp"

namespace revue {

namespace {

// Level 3 (zstd's default) compresses at hundreds of MB/s; higher levels gain little on
// short texts once a dictionary is there.
constexpr int kLevel = 3;
constexpr std::size_t kDictionaryBytes = 64 * 1024;

struct ContextFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// One compression and one decompression context per thread: they are the mutable part.
ZSTD_CCtx* compression_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, ContextFree> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx* decompression_context() {
    thread_local std::unique_ptr<ZSTD_DCtx, ContextFree> context(ZSTD_createDCtx());
    return context.get();
}

// Plain JSON starts with '{', never with zstd's magic number.
bool is_zstd_frame(const std::string& bytes) {
    return ZSTD_getFrameContentSize(bytes.data(), bytes.size()) != ZSTD_CONTENTSIZE_ERROR;
}

}  // namespace

struct ClippingCodec::Dictionaries {
    // The one copy of the dictionary, owned or mapped: codecs are copied and share it, and the
    // zstd dictionaries refer to it. Each 4 KB copied is a page fault, dearer than the copy
    // itself to a one-query process.
    std::string owned;
    void* mapped = nullptr;
    std::size_t mapped_size = 0;
    std::string_view dictionary;
    // Its content, without the entropy tables ZDICT puts before it: clippings are compressed
    // with the content alone. Loading the tables took a search 0.2 to 0.4 ms, for stored
    // clippings 5 % smaller.
    std::string_view content;
    ZSTD_DDict* decompress = nullptr;
    // Built on first use: a search only decompresses, and building it costs a millisecond.
    mutable std::once_flag compress_once;
    mutable ZSTD_CDict* compress = nullptr;
    // Clippings of older indexes name the whole dictionary (its id is in their frames).
    mutable std::once_flag whole_once;
    mutable ZSTD_DDict* decompress_whole = nullptr;

    ZSTD_CDict* compressor() const {
        std::call_once(compress_once, [this] {
            compress = ZSTD_createCDict_advanced(
                content.data(), content.size(), ZSTD_dlm_byRef, ZSTD_dct_rawContent,
                ZSTD_getCParams(kLevel, 0, content.size()), ZSTD_defaultCMem);
        });
        if (compress == nullptr) throw DamagedIndex("cannot load the clipping dictionary");
        return compress;
    }
    const ZSTD_DDict* decompressor(const std::string& frame) const {
        if (ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == 0) return decompress;
        std::call_once(whole_once, [this] {
            decompress_whole = ZSTD_createDDict_byReference(dictionary.data(), dictionary.size());
        });
        if (decompress_whole == nullptr)
            throw DamagedIndex("cannot load the index's clipping dictionary");
        return decompress_whole;
    }
    // Throws DamagedIndex when `dictionary` is not a zstd dictionary.
    void load() {
        const std::size_t header = ZDICT_getDictHeaderSize(dictionary.data(), dictionary.size());
        if (ZDICT_getDictID(dictionary.data(), dictionary.size()) == 0 || ZDICT_isError(header) ||
            header >= dictionary.size())
            throw DamagedIndex("the index's clipping dictionary is damaged");
        content = dictionary.substr(header);
        decompress = ZSTD_createDDict_advanced(content.data(), content.size(), ZSTD_dlm_byRef,
                                               ZSTD_dct_rawContent, ZSTD_defaultCMem);
        if (decompress == nullptr)
            throw DamagedIndex("cannot load the index's clipping dictionary");
    }
    Dictionaries() = default;
    Dictionaries(const Dictionaries&) = delete;
    Dictionaries& operator=(const Dictionaries&) = delete;
    ~Dictionaries() {
        ZSTD_freeCDict(compress);
        ZSTD_freeDDict(decompress);
        ZSTD_freeDDict(decompress_whole);
        if (mapped != nullptr) ::munmap(mapped, mapped_size);
    }
};

ClippingCodec::ClippingCodec(std::string dictionary) {
    if (dictionary.empty()) return;
    auto d = std::make_shared<Dictionaries>();
    d->owned = std::move(dictionary);
    d->dictionary = d->owned;
    d->load();
    dictionaries_ = std::move(d);
}

ClippingCodec ClippingCodec::from_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw DamagedIndex("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    void* map = MAP_FAILED;
    int error = 0;  // 0 with no mapping: the file is empty
    if (::fstat(fd, &st) != 0) {
        error = errno;
    } else if (st.st_size > 0) {
        map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
        if (map == MAP_FAILED) error = errno;
    }
    ::close(fd);  // the mapping outlives the descriptor
    if (map == MAP_FAILED)
        throw DamagedIndex("cannot read " + path + ": " +
                           (error != 0 ? std::strerror(error) : "empty file"));
    auto d = std::make_shared<Dictionaries>();
    d->mapped = map;
    d->mapped_size = static_cast<std::size_t>(st.st_size);
    d->dictionary = std::string_view(static_cast<const char*>(map), d->mapped_size);
    d->load();
    ClippingCodec codec;
    codec.dictionaries_ = std::move(d);
    return codec;
}

bool ClippingCodec::compresses() const {
    return dictionaries_ != nullptr;
}

std::string_view ClippingCodec::dictionary() const {
    return dictionaries_ ? dictionaries_->dictionary : std::string_view();
}

std::string ClippingCodec::train(const std::vector<std::string>& samples) {
    if (samples.size() < kMinSamples) return {};
    std::string joined;
    std::vector<std::size_t> sizes;
    for (const auto& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    std::string dictionary(kDictionaryBytes, '\0');
    const std::size_t size =
        ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size)) return {};  // too little to learn from: stored uncompressed
    dictionary.resize(size);
    return dictionary;
}

std::string ClippingCodec::encode(const std::string& json) const {
    if (!dictionaries_) return json;
    std::string out(ZSTD_compressBound(json.size()), '\0');
    const std::size_t n =
        ZSTD_compress_usingCDict(compression_context(), out.data(), out.size(), json.data(),
                                 json.size(), dictionaries_->compressor());
    if (ZSTD_isError(n)) throw Error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string ClippingCodec::decode(const std::string& stored) const {
    if (!is_zstd_frame(stored)) return stored;  // stored uncompressed
    if (!dictionaries_)
        throw DamagedIndex("a stored clipping needs the index's dictionary, which is missing");
    const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw DamagedRecord("a stored clipping is damaged");
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n =
        ZSTD_decompress_usingDDict(decompression_context(), out.data(), out.size(), stored.data(),
                                   stored.size(), dictionaries_->decompressor(stored));
    if (ZSTD_isError(n))
        throw DamagedRecord(std::string("a stored clipping is damaged: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

}  // namespace revue
