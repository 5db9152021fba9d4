// ICU reports failures in an out-parameter; revue turns them into an Error naming the step.
#pragma once

#include <unicode/utypes.h>

namespace revue {

// Throws Error("ICU <what>: <ICU's error name>") when err is a failure.
void check_icu(UErrorCode err, const char* what);

}  // namespace revue
