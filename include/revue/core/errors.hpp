// The errors revue raises, one type per kind of trouble. Each is thrown where the trouble is
// found; the CLI prints what() as one line and exits 2, the server maps the type to an HTTP
// status. Nothing above this header tells errors apart by their text.
#pragma once

#include <stdexcept>

namespace revue {

// Every error a user reads: what() says what went wrong and, where there is one, what to do.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A query the user must fix: a syntax error, a bad date, an unknown field.
struct BadQuery : Error {
    using Error::Error;
};

// A flag or parameter whose value cannot be used (a format name, a negative count).
struct BadOption : Error {
    using Error::Error;
};

// No index where one was looked for.
struct NoIndex : Error {
    using Error::Error;
};

// A folder or database that is not a revue index (another program's, or an older revue's).
struct NotAnIndex : Error {
    using Error::Error;
};

// Another `revue index` holds the index.
struct IndexLocked : Error {
    using Error::Error;
};

// The index cannot be written: a full disk, a read-only folder.
struct IndexUnwritable : Error {
    using Error::Error;
};

// Part of the index cannot be read: a damaged database, stub or dictionary.
struct DamagedIndex : Error {
    using Error::Error;
};

// A stored clipping whose bytes do not decode.
struct DamagedRecord : Error {
    using Error::Error;
};

// A folder named to be indexed that does not exist or cannot be listed.
struct FolderUnreadable : Error {
    using Error::Error;
};

// The output cannot be written (a closed pipe is not an error: it ends quietly).
struct OutputFailed : Error {
    using Error::Error;
};

// A file that holds nothing to index: not an error of the run, which warns and goes on.
// what() is the reason the warning line gives ("empty", "not text", "no text layer", …).
struct SkippedFile : Error {
    using Error::Error;
};

}  // namespace revue
