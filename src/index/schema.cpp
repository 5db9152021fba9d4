#include "revue/index/schema.hpp"

namespace revue::schema {

std::string id_term(std::string_view path, int article) {
    return std::string(kId) + std::string(path) + '#' + std::to_string(article);
}

std::string file_term(std::string_view path) {
    return std::string(kFile) + std::string(path);
}

}  // namespace revue::schema
