#include "revue/index_schema.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace revue::schema {

std::string id_term(std::string_view path, int article) {
    return std::string(kId) + std::string(path) + '#' + std::to_string(article);
}

std::string file_term(std::string_view path) {
    return std::string(kFile) + std::string(path);
}

std::string stored_form(const Clipping& c) {
    const nlohmann::json j = {
        {"article", c.article}, {"source", c.source},   {"title", c.title}, {"deck", c.deck},
        {"author", c.author},   {"date", c.date},       {"lang", c.lang},   {"country", c.country},
        {"body", c.body},       {"caption", c.caption}, {"tags", c.tags},
    };
    // MessagePack: the fields of the JSON object, read back twice as fast as JSON text (a
    // search reads ten of them).
    const std::vector<std::uint8_t> packed = nlohmann::json::to_msgpack(j);
    return std::string(packed.begin(), packed.end());
}

void store_clipping(Xapian::Document& doc, const Clipping& c, const ClippingCodec& codec) {
    doc.set_data(codec.encode(stored_form(c)));
    doc.add_value(kPathSlot, c.path);
    if (!c.source.empty()) doc.add_value(kSourceSlot, c.source);
    if (!c.author.empty()) doc.add_value(kAuthorSlot, c.author);
    if (!c.lang.empty()) doc.add_value(kLangSlot, c.lang);
    if (c.date.size() >= 4) doc.add_value(kYearSlot, c.date.substr(0, 4));
    if (c.date.size() == 10) {
        doc.add_value(kDateSlot, c.date.substr(0, 4) + c.date.substr(5, 2) + c.date.substr(8, 2));
    }
}

Clipping load_clipping(const Xapian::Document& doc, const ClippingCodec& codec) {
    const std::string data = codec.decode(doc.get_data());
    // JSON text in an index made before MessagePack.
    const auto j = !data.empty() && data[0] == '{' ? nlohmann::json::parse(data)
                                                   : nlohmann::json::from_msgpack(data);
    Clipping c;
    c.path = doc.get_value(kPathSlot);
    c.article = j.value("article", 1);
    c.source = j.value("source", "");
    c.title = j.value("title", "");
    c.deck = j.value("deck", "");
    c.author = j.value("author", "");
    c.date = j.value("date", "");
    c.lang = j.value("lang", "");
    c.country = j.value("country", "");
    c.body = j.value("body", "");
    c.caption = j.value("caption", "");
    c.tags = j.value("tags", std::vector<std::string>{});
    return c;
}

ClippingCodec codec_of(const Xapian::Database& db) {
    return ClippingCodec(db.get_metadata(std::string(kDictionaryKey)));
}

}  // namespace revue::schema
