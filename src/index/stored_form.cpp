#include "revue/index/stored_form.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/index/schema.hpp"

namespace revue::schema {

namespace {

// A stored form since the text went apart: this byte, the size of the head (4 bytes, least
// significant first), the head (MessagePack), then the text. 0xC1 is the one byte MessagePack
// never uses: older stored forms (a MessagePack map, or JSON text) cannot start with it.
constexpr unsigned char kFramed = 0xC1;
constexpr std::size_t kFrameBytes = 5;

}  // namespace

std::string stored_form(const Clipping& c) {
    // The text as it is, after the head: MessagePack readers copy a string a byte at a time,
    // which was most of the cost of reading a hit back, and a hit without a snippet does not
    // copy the text at all. The path is in the head (its bytes as they are: MessagePack
    // strings are not checked for UTF-8), so reading a hit needs no look-up in the path
    // value's stream.
    nlohmann::ordered_json head = nlohmann::ordered_json::object();
    for_each_field(c, [&](std::string_view name, const auto& value) {
        if (name != "body" && name != "caption") head[std::string(name)] = value;
    });
    head["text"] = {c.body.size(), c.caption.size()};
    // MessagePack: the fields of the JSON object, read back twice as fast as JSON text (a
    // search reads ten of them).
    const std::vector<std::uint8_t> packed = nlohmann::ordered_json::to_msgpack(head);
    if (packed.size() > UINT32_MAX) throw std::length_error("clipping fields too long to store");
    std::string out;
    out.reserve(kFrameBytes + packed.size() + c.body.size() + c.caption.size());
    out += static_cast<char>(kFramed);
    for (int shift = 0; shift < 32; shift += 8)
        out += static_cast<char>((packed.size() >> shift) & 0xFF);
    out.append(packed.begin(), packed.end());
    out += c.body;
    out += c.caption;
    return out;
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

namespace {

// Reads a stored form straight into a Clipping, as the parser goes: no JSON object is built
// in between (that was two thirds of the cost of reading a hit back). Unknown fields are
// skipped, so that a later revue may store more.
class StoredFormReader : public nlohmann::json_sax<nlohmann::json> {
  public:
    StoredFormReader(Clipping& c, bool with_text) : c_(c), with_text_(with_text) {}

    // The lengths of body and caption, which follow the head: none in older stored forms,
    // where they are fields of the head.
    const std::vector<std::uint64_t>& text_lengths() const { return text_lengths_; }

    bool key(string_t& name) override {
        // Older stored forms with the text last have the title before it; the oldest ones
        // (keys in alphabetical order) are read whole.
        if (depth_ == 1 && !with_text_ && title_seen_ && (name == "body" || name == "caption"))
            return false;
        if (depth_ == 1 && name == "title") title_seen_ = true;
        string_ = nullptr;
        number_ = nullptr;
        list_ = nullptr;
        in_text_ = depth_ == 1 && name == "text";
        if (depth_ != 1) return true;
        for_each_field(c_, [&](std::string_view known, auto& field) {
            if (known != name) return;
            using Field = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<Field, std::string>) {
                string_ = &field;
            } else if constexpr (std::is_same_v<Field, int>) {
                number_ = &field;
            } else {
                list_ = &field;
            }
        });
        return true;
    }
    bool string(string_t& value) override {
        if (depth_ == 1 && string_ != nullptr) *string_ = std::move(value);
        if (depth_ == 2 && list_ != nullptr) list_->push_back(std::move(value));
        return true;
    }
    bool number_integer(number_integer_t value) override { return number(value); }
    bool number_unsigned(number_unsigned_t value) override { return number(value); }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*size*/) override { return enter(); }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t /*size*/) override { return enter(); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const nlohmann::detail::exception& e) override {
        throw DamagedRecord(std::string("a stored clipping is damaged: ") + e.what());
    }

  private:
    template <typename Number>
    bool number(Number value) {
        if (depth_ == 1 && number_ != nullptr) *number_ = static_cast<int>(value);
        if (depth_ == 2 && in_text_ && value >= 0)
            text_lengths_.push_back(static_cast<std::uint64_t>(value));
        return true;
    }
    bool enter() {
        ++depth_;
        return true;
    }
    bool leave() {
        --depth_;
        if (depth_ == 1) string_ = nullptr;
        return true;
    }

    Clipping& c_;
    const bool with_text_;
    bool title_seen_ = false;
    int depth_ = 0;
    std::string* string_ = nullptr;  // the field a string value goes to
    int* number_ = nullptr;
    std::vector<std::string>* list_ = nullptr;
    bool in_text_ = false;
    std::vector<std::uint64_t> text_lengths_;
};

}  // namespace

Clipping load_clipping(const Xapian::Document& doc, const ClippingCodec& codec, bool with_text) {
    const std::string data = codec.decode(doc.get_data());
    Clipping c;
    StoredFormReader reader(c, with_text);
    if (data.size() >= kFrameBytes && static_cast<unsigned char>(data[0]) == kFramed) {
        std::uint64_t head = 0;
        for (int i = 0; i < 4; ++i)
            head |= std::uint64_t{static_cast<unsigned char>(data[1 + i])} << (8 * i);
        const auto damaged = [] {
            return DamagedRecord("a stored clipping is damaged: its parts do not add up");
        };
        if (head > data.size() - kFrameBytes) throw damaged();
        const auto first = data.begin() + kFrameBytes;
        nlohmann::json::sax_parse(first, first + static_cast<std::ptrdiff_t>(head), &reader,
                                  nlohmann::json::input_format_t::msgpack);
        const auto& lengths = reader.text_lengths();
        if (lengths.size() != 2 || lengths[0] > data.size() || lengths[1] > data.size() ||
            kFrameBytes + head + lengths[0] + lengths[1] != data.size())
            throw damaged();
        if (with_text) {
            const std::size_t at = kFrameBytes + head;
            c.body.assign(data, at, lengths[0]);
            c.caption.assign(data, at + lengths[0], lengths[1]);
        }
    } else {
        // JSON text in an index made before MessagePack; MessagePack holding the text in an
        // index made before the text went apart.
        const auto format = !data.empty() && data[0] == '{'
                                ? nlohmann::json::input_format_t::json
                                : nlohmann::json::input_format_t::msgpack;
        nlohmann::json::sax_parse(data, &reader, format);
    }
    // Stored forms written before the path was in them.
    if (c.path.empty()) c.path = doc.get_value(kPathSlot);
    return c;
}

ClippingCodec codec_of(const Xapian::Database& db) {
    return ClippingCodec(db.get_metadata(std::string(kDictionaryKey)));
}

}  // namespace revue::schema
