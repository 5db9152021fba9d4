#include <catch2/catch.hpp>

#include "revue/index_schema.hpp"

using namespace revue;

TEST_CASE("a clipping survives the trip through a Xapian document", "[schema]") {
    Clipping c;
    c.path = "/clips/bad\xff name\n.txt";  // any bytes, not only UTF-8
    c.article = 3;
    c.source = "Challenges";
    c.title = "Vents porteurs pour le français Mistral";
    c.deck = "Les modèles de pointe";
    c.author = "G. F.";
    c.date = "2024-02-29";
    c.lang = "fr";
    c.country = "France";
    c.body = "Premier paragraphe.\n\nSecond « paragraphe ».";
    c.caption = "Codeurs de Mistral AI à Paris";
    c.tags = {"ia", "cloud"};

    Xapian::Document doc;
    schema::store_clipping(doc, c);
    const Clipping back = schema::load_clipping(doc);

    CHECK(back.path == c.path);
    CHECK(back.article == 3);
    CHECK(back.source == c.source);
    CHECK(back.title == c.title);
    CHECK(back.deck == c.deck);
    CHECK(back.author == c.author);
    CHECK(back.date == c.date);
    CHECK(back.lang == c.lang);
    CHECK(back.country == c.country);
    CHECK(back.body == c.body);
    CHECK(back.caption == c.caption);
    CHECK(back.tags == c.tags);
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
