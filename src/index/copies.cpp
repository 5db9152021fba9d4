#include "revue/index/copies.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "revue/core/hash.hpp"
#include "revue/index/schema.hpp"

namespace revue {

void mark_copies(const std::vector<Xapian::WritableDatabase*>& shards) {
    // Groups by a hash of the fingerprint, one sorted array of 8 bytes a clipping (a hash map
    // took 40): two fingerprints sharing a hash would only give keys that still differ.
    std::vector<std::uint64_t> hashes;
    struct Key {
        std::string value;
        bool fingerprinted = false;
    };
    std::vector<std::unordered_map<Xapian::docid, Key>> keys(shards.size());
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const Xapian::Database& db = *shards[s];
        for (auto v = db.valuestream_begin(schema::kCollapseSlot);
             v != db.valuestream_end(schema::kCollapseSlot); ++v)
            keys[s][v.get_docid()] = {*v, false};
        for (auto v = db.valuestream_begin(schema::kFingerprintSlot);
             v != db.valuestream_end(schema::kFingerprintSlot); ++v) {
            hashes.push_back(fnv1a(*v));
            if (const auto k = keys[s].find(v.get_docid()); k != keys[s].end())
                k->second.fingerprinted = true;
        }
        for (const auto& [id, key] : keys[s])
            if (!key.fingerprinted) hashes.push_back(fnv1a(key.value));
    }
    std::sort(hashes.begin(), hashes.end());
    const auto has_copies = [&](const std::string& fingerprint) {
        const auto [first, last] =
            std::equal_range(hashes.begin(), hashes.end(), fnv1a(fingerprint));
        return last - first > 1;
    };
    for (std::size_t s = 0; s < shards.size(); ++s) {
        Xapian::WritableDatabase& db = *shards[s];
        std::vector<std::pair<Xapian::docid, std::string>> updates;  // no key: ""
        for (auto v = db.valuestream_begin(schema::kFingerprintSlot);
             v != db.valuestream_end(schema::kFingerprintSlot); ++v) {
            const std::string wanted = has_copies(*v) ? *v : std::string();
            const auto k = keys[s].find(v.get_docid());
            if (wanted != (k != keys[s].end() ? k->second.value : std::string()))
                updates.emplace_back(v.get_docid(), wanted);
        }
        for (const auto& [id, key] : updates) {
            Xapian::Document doc = db.get_document(id);
            if (key.empty()) {
                doc.remove_value(schema::kCollapseSlot);
            } else {
                doc.add_value(schema::kCollapseSlot, key);
            }
            db.replace_document(id, doc);
        }
        if (!updates.empty()) db.commit();
    }
}

}  // namespace revue
