#include "revue/clipping_codec.hpp"

#include <zdict.h>
#include <zstd.h>

#include <mutex>
#include <stdexcept>

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
    std::string dictionary;  // its own copy: codecs are copied and this is shared
    ZSTD_DDict* decompress = nullptr;
    // Built on first use: a search only decompresses, and building it costs a millisecond.
    mutable std::once_flag compress_once;
    mutable ZSTD_CDict* compress = nullptr;

    ZSTD_CDict* compressor() const {
        std::call_once(compress_once, [this] {
            compress = ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
        });
        if (compress == nullptr) throw std::runtime_error("cannot load the clipping dictionary");
        return compress;
    }
    ~Dictionaries() {
        ZSTD_freeCDict(compress);
        ZSTD_freeDDict(decompress);
    }
};

ClippingCodec::ClippingCodec(std::string dictionary) : dictionary_(std::move(dictionary)) {
    if (dictionary_.empty()) return;
    if (ZDICT_getDictID(dictionary_.data(), dictionary_.size()) == 0)
        throw std::runtime_error("the index's clipping dictionary is damaged");
    auto d = std::make_shared<Dictionaries>();
    d->dictionary = dictionary_;
    d->decompress = ZSTD_createDDict(dictionary_.data(), dictionary_.size());
    if (d->decompress == nullptr)
        throw std::runtime_error("cannot load the index's clipping dictionary");
    dictionaries_ = std::move(d);
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
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string ClippingCodec::decode(const std::string& stored) const {
    if (!is_zstd_frame(stored)) return stored;  // stored uncompressed
    if (!dictionaries_)
        throw std::runtime_error(
            "a stored clipping needs the index's dictionary, which is missing");
    const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw std::runtime_error("a stored clipping is damaged");
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n =
        ZSTD_decompress_usingDDict(decompression_context(), out.data(), out.size(), stored.data(),
                                   stored.size(), dictionaries_->decompress);
    if (ZSTD_isError(n))
        throw std::runtime_error(std::string("a stored clipping is damaged: ") +
                                 ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

}  // namespace revue
