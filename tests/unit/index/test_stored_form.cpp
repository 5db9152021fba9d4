// The stored record of a clipping: every field back from a Xapian document, older forms too.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "index_fixtures.hpp"
#include "revue/core/clipping.hpp"
#include "revue/core/errors.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"

using namespace revue;
using revue::testing::fields;
using revue::testing::sample_clipping;

TEST_CASE("a clipping survives the trip through a Xapian document", "[schema]") {
    const Clipping c = sample_clipping();
    Xapian::Document doc;
    schema::store_clipping(doc, c);
    const Clipping back = schema::load_clipping(doc);
    CHECK(fields(back) == fields(c));
    CHECK(back.path == c.path);  // its bytes as they are
    CHECK(doc.get_value(schema::kDateSlot) == "20240229");
}

TEST_CASE("a clipping without a date has no date value", "[schema]") {
    Clipping c;
    c.path = "/x.txt";
    Xapian::Document doc;
    schema::store_clipping(doc, c);
    CHECK(doc.get_value(schema::kDateSlot).empty());
    CHECK(schema::load_clipping(doc).date.empty());
}

TEST_CASE("file and article terms", "[schema]") {
    CHECK(schema::id_term("/a/b.html", 2) == "Q/a/b.html#2");
    CHECK(schema::file_term("/a/b.html") == "P/a/b.html");
}

TEST_CASE("clippings stored as JSON text by an earlier revue still read", "[schema]") {
    Xapian::Document doc;
    doc.set_data(R"({"article":2,"title":"Ancien format","body":"texte","lang":"fr"})");
    const Clipping c = schema::load_clipping(doc);
    CHECK(c.article == 2);
    CHECK(c.title == "Ancien format");
    CHECK(c.body == "texte");
    Clipping now;
    now.title = "Nouveau";
    schema::store_clipping(doc, now);
    CHECK(doc.get_data()[0] != '{');  // MessagePack
    CHECK(schema::load_clipping(doc).title == "Nouveau");
}

TEST_CASE("a clipping read without its text has every other field", "[schema]") {
    const Clipping c = sample_clipping();
    Xapian::Document doc;
    schema::store_clipping(doc, c);
    CHECK(fields(schema::load_clipping(doc)) == fields(c));
    const Clipping head = schema::load_clipping(doc, ClippingCodec(), false);
    Clipping without_text = c;
    without_text.body.clear();
    without_text.caption.clear();
    CHECK(fields(head) == fields(without_text));
    // Stored forms of an earlier revue have their keys in alphabetical order, the text
    // before the title: they are read whole.
    const nlohmann::json older = {
        {"article", 2}, {"body", "texte"}, {"title", "Ancien"}, {"source", "Les Echos"}};
    const auto packed = nlohmann::json::to_msgpack(older);
    doc.set_data(std::string(packed.begin(), packed.end()));
    const Clipping old_head = schema::load_clipping(doc, ClippingCodec(), false);
    CHECK(old_head.title == "Ancien");
    CHECK(old_head.source == "Les Echos");
    CHECK(old_head.article == 2);
}

TEST_CASE("the path is stored with the clipping, its bytes as they are", "[schema]") {
    Clipping c;
    c.path = std::string("/clips/caf\xe9-latin1.txt");  // not UTF-8
    c.title = "Titre";
    Xapian::Document doc;
    schema::store_clipping(doc, c);
    CHECK(schema::load_clipping(doc).path == c.path);
    CHECK(schema::load_clipping(doc, ClippingCodec(), false).path == c.path);
    // A stored form without the path (an earlier revue's) takes it from the path value.
    const auto packed = nlohmann::json::to_msgpack({{"article", 1}, {"title", "Ancien"}});
    doc.set_data(std::string(packed.begin(), packed.end()));
    CHECK(schema::load_clipping(doc).path == c.path);
}

TEST_CASE("the text follows the head as it is, and older stored forms still read", "[schema]") {
    Clipping c;
    c.title = "Titre";
    c.body = std::string("Corps\0avec un nul, des octets \xff\xfe et « guillemets ».", 52);
    c.caption = "Légende";
    Xapian::Document doc;
    schema::store_clipping(doc, c);
    const std::string data = doc.get_data();
    CHECK(static_cast<unsigned char>(data[0]) == 0xC1);  // no older stored form starts so
    CHECK(data.substr(data.size() - c.body.size() - c.caption.size()) == c.body + c.caption);
    const Clipping back = schema::load_clipping(doc);
    CHECK(back.body == c.body);
    CHECK(back.caption == c.caption);
    CHECK(back.title == c.title);
    // Stored forms of the previous revue: body and caption are the last fields of the head.
    const nlohmann::ordered_json previous = {{"path", "/p.txt"},
                                             {"article", 1},
                                             {"title", "Avant"},
                                             {"body", "texte"},
                                             {"caption", "légende"}};
    const auto packed = nlohmann::ordered_json::to_msgpack(previous);
    doc.set_data(std::string(packed.begin(), packed.end()));
    const Clipping old = schema::load_clipping(doc);
    CHECK(old.body == "texte");
    CHECK(old.caption == "légende");
    CHECK(schema::load_clipping(doc, ClippingCodec(), false).body.empty());
    // Parts that do not add up to the bytes there are: an error, not a read past the end.
    for (const std::string& damaged :
         {data.substr(0, data.size() - 3), data + "x", data.substr(0, 3),
          std::string("\xC1\xff\xff\xff\x00", 5) + data.substr(5)}) {
        doc.set_data(damaged);
        CHECK_THROWS_AS(schema::load_clipping(doc), DamagedRecord);
        CHECK_THROWS_WITH(schema::load_clipping(doc), Catch::Contains("damaged"));
    }
}
