// What the query tests share: small in-memory indexes as the indexer lays them out, and finds.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/index/document_builder.hpp"
#include "revue/search/request.hpp"

namespace revue::testing {

inline Xapian::WritableDatabase memory_db() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

// Adds a clipping of one body text, with the indexer's terms; returns its document id.
inline Xapian::docid add(Xapian::WritableDatabase& db, const std::string& lang,
                         const std::string& body, const std::string& date = "",
                         const std::vector<std::string>& tags = {}) {
    Clipping c;
    c.path = "/clips/" + std::to_string(db.get_lastdocid() + 1) + ".txt";
    c.lang = lang;
    c.body = body;
    c.date = date;
    c.tags = tags;
    return db.add_document(make_document(c));
}

inline SearchRequest request(const std::string& query) {
    SearchRequest r;
    r.query = query;
    return r;
}

// Every document the query finds with its weight, best first; equal weights by document id.
inline std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& db,
                                                            const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::vector<std::pair<Xapian::docid, double>> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
}

// The documents the query finds, best first.
inline std::vector<Xapian::docid> found(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<Xapian::docid> out;
    for (const auto& [doc, weight] : ranked(db, query)) out.push_back(doc);
    return out;
}

// The weight of one document for the query; 0 when it is not found.
inline double weight_of(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid doc) {
    for (const auto& [d, weight] : ranked(db, query))
        if (d == doc) return weight;
    return 0;
}

}  // namespace revue::testing
