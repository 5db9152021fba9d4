// The clipping codec: zstd with a dictionary trained on clippings, and its errors.
#include <zdict.h>
#include <zstd.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/index/clipping_codec.hpp"
#include "temp_dir.hpp"

using namespace revue;

namespace {

// Clippings alike in shape and words, as a folder of press clippings is.
std::vector<std::string> samples(int n) {
    const std::vector<std::string> words = {"gouvernement", "entreprise",     "numérique", "Europe",
                                            "intelligence", "artificielle",   "données",   "marché",
                                            "régulateurs",  "investissement", "croissance"};
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        std::string body;
        for (int w = 0; w < 120; ++w) body += words[(i * 7 + w * 3) % words.size()] + ' ';
        out.push_back(R"({"article":1,"source":"Les Echos","title":"Article )" + std::to_string(i) +
                      R"(","body":")" + body + R"(","lang":"fr"})");
    }
    return out;
}

}  // namespace

TEST_CASE("without a dictionary clippings are stored uncompressed", "[codec]") {
    const ClippingCodec plain;
    CHECK_FALSE(plain.compresses());
    CHECK(plain.encode(R"({"title":"x"})") == R"({"title":"x"})");
    CHECK(plain.decode(R"({"title":"x"})") == R"({"title":"x"})");
    CHECK(ClippingCodec::train(samples(10)).empty());  // too few to learn from
}

TEST_CASE("a trained dictionary makes stored clippings smaller and reads them back", "[codec]") {
    const auto texts = samples(300);
    const std::string dictionary = ClippingCodec::train(texts);
    REQUIRE_FALSE(dictionary.empty());
    const ClippingCodec codec(dictionary);
    CHECK(codec.compresses());
    std::size_t plain = 0;
    std::size_t stored = 0;
    for (const auto& text : samples(20)) {
        const std::string encoded = codec.encode(text);
        CHECK(codec.decode(encoded) == text);
        plain += text.size();
        stored += encoded.size();
    }
    CHECK(stored * 4 < plain);
    // A copy shares the dictionary and outlives the original.
    const ClippingCodec copy = ClippingCodec(dictionary);
    CHECK(copy.decode(codec.encode(texts[5])) == texts[5]);
    // Plain JSON from before the dictionary still reads.
    CHECK(codec.decode(texts[7]) == texts[7]);
}

TEST_CASE("clippings are compressed with the dictionary's content, and older ones still read",
          "[codec]") {
    const auto texts = samples(300);
    const std::string dictionary = ClippingCodec::train(texts);
    REQUIRE(ZDICT_getDictID(dictionary.data(), dictionary.size()) != 0);
    const ClippingCodec codec(dictionary);
    // The content alone: frames name no dictionary, whose entropy tables need not be loaded.
    const std::string encoded = codec.encode(texts[3]);
    CHECK(ZSTD_getDictID_fromFrame(encoded.data(), encoded.size()) == 0);
    // Older indexes compressed with the whole dictionary, tables and all.
    std::string whole(ZSTD_compressBound(texts[4].size()), '\0');
    ZSTD_CCtx* const context = ZSTD_createCCtx();
    const std::size_t n =
        ZSTD_compress_usingDict(context, whole.data(), whole.size(), texts[4].data(),
                                texts[4].size(), dictionary.data(), dictionary.size(), 3);
    ZSTD_freeCCtx(context);
    REQUIRE_FALSE(ZSTD_isError(n));
    whole.resize(n);
    REQUIRE(ZSTD_getDictID_fromFrame(whole.data(), whole.size()) != 0);
    CHECK(codec.decode(whole) == texts[4]);
    CHECK(codec.decode(encoded) == texts[3]);
}

TEST_CASE("a compressed clipping without its dictionary is an error, not garbage", "[codec]") {
    const ClippingCodec codec(ClippingCodec::train(samples(300)));
    const std::string encoded = codec.encode(samples(1)[0]);
    CHECK_THROWS_AS(ClippingCodec().decode(encoded), DamagedIndex);
    CHECK_THROWS_WITH(ClippingCodec().decode(encoded), Catch::Contains("dictionary"));
    CHECK_THROWS_AS(ClippingCodec(std::string(100, 'x')), DamagedIndex);
    CHECK_THROWS_WITH(ClippingCodec(std::string(100, 'x')), Catch::Contains("damaged"));
    std::string truncated = encoded.substr(0, encoded.size() / 2);
    CHECK_THROWS_AS(codec.decode(truncated), DamagedRecord);
    CHECK_THROWS_WITH(codec.decode(truncated), Catch::Contains("damaged"));
}

TEST_CASE("a dictionary mapped from its file reads what the owned one wrote", "[codec]") {
    revue::testing::TempDir t;
    const std::string dictionary = ClippingCodec::train(samples(300));
    t.write("dictionary.zstd", dictionary);
    const ClippingCodec owned(dictionary);
    const ClippingCodec mapped = ClippingCodec::from_file((t.path / "dictionary.zstd").string());
    CHECK(mapped.compresses());
    CHECK(mapped.dictionary() == owned.dictionary());
    for (const auto& text : samples(20)) CHECK(mapped.decode(owned.encode(text)) == text);
    // The mapping outlives the codec it came from, in its copies.
    const ClippingCodec copy = [&] {
        const ClippingCodec local = ClippingCodec::from_file((t.path / "dictionary.zstd").string());
        return local;
    }();
    CHECK(copy.decode(owned.encode(samples(2)[1])) == samples(2)[1]);

    CHECK_THROWS_AS(ClippingCodec::from_file((t.path / "none.zstd").string()), DamagedIndex);
    CHECK_THROWS_WITH(ClippingCodec::from_file((t.path / "none.zstd").string()),
                      Catch::Contains("cannot read") && Catch::Contains("none.zstd"));
    t.write("empty.zstd", "");
    CHECK_THROWS_WITH(ClippingCodec::from_file((t.path / "empty.zstd").string()),
                      Catch::Contains("cannot read") && Catch::Contains("empty file"));
    t.write("junk.zstd", std::string(100, 'x'));
    CHECK_THROWS_WITH(ClippingCodec::from_file((t.path / "junk.zstd").string()),
                      Catch::Contains("damaged"));
}
