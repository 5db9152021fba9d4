#include "revue/core/icu_error.hpp"

#include <string>

#include "revue/core/errors.hpp"

namespace revue {

void check_icu(UErrorCode err, const char* what) {
    if (U_FAILURE(err)) throw Error(std::string("ICU ") + what + ": " + u_errorName(err));
}

}  // namespace revue
