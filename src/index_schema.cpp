#include "revue/index_schema.hpp"

#include <nlohmann/json.hpp>

namespace revue::schema {

std::string id_term(std::string_view path, int article) {
    return std::string(kId) + std::string(path) + '#' + std::to_string(article);
}

std::string file_term(std::string_view path) {
    return std::string(kFile) + std::string(path);
}

std::string stored_json(const Clipping& c) {
    const nlohmann::json j = {
        {"article", c.article}, {"source", c.source},   {"title", c.title}, {"deck", c.deck},
        {"author", c.author},   {"date", c.date},       {"lang", c.lang},   {"country", c.country},
        {"body", c.body},       {"caption", c.caption}, {"tags", c.tags},
    };
    // Readers hand over valid UTF-8; replace only guards against a reader's slip.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void store_clipping(Xapian::Document& doc, const Clipping& c, const ClippingCodec& codec) {
    doc.set_data(codec.encode(stored_json(c)));
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
    const auto j = nlohmann::json::parse(codec.decode(doc.get_data()));
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
