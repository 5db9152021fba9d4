// The stored form of a clipping (what snippets and `revue show` read back): its fields, zstd-
// compressed with a dictionary trained on the index's own clippings, which makes the stored
// text of thousands of short articles a third smaller than Xapian's own zlib does.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace revue {

class ClippingCodec {
  public:
    // No dictionary: clippings are stored uncompressed.
    ClippingCodec() = default;
    // Throws DamagedIndex when the bytes are not a zstd dictionary.
    explicit ClippingCodec(std::string dictionary);
    // The dictionary in a file, mapped rather than read: a search touches only the pages it
    // decompresses with. Throws DamagedIndex when the file cannot be read or is not a zstd
    // dictionary.
    static ClippingCodec from_file(const std::string& path);

    // Fewer samples than this teach a dictionary nothing it could not overfit.
    static constexpr std::size_t kMinSamples = 64;

    // A dictionary trained on stored forms of clippings; empty when they are too few to
    // learn from (a small folder), in which case uncompressed serves as well.
    static std::string train(const std::vector<std::string>& samples);

    bool compresses() const;
    std::string_view dictionary() const;

    std::string encode(const std::string& json) const;
    // Returns uncompressed bytes as they are, and decompresses frames with the dictionary. Throws
    // DamagedRecord when a frame does not decode, DamagedIndex when it needs a dictionary this
    // codec lacks.
    std::string decode(const std::string& stored) const;

  private:
    struct Dictionaries;
    std::shared_ptr<const Dictionaries> dictionaries_;  // shared: read-only, thread-safe
};

}  // namespace revue
