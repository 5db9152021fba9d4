// Xapian's exceptions as revue's typed errors: which type each becomes, read or written.
#include <catch2/catch.hpp>

#include <cerrno>
#include <functional>
#include <stdexcept>
#include <string>

#include "revue/core/errors.hpp"
#include "revue/index/xapian_errors.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::TempDir;

namespace {

// The revue error type `work` throws through guard_index, by name, and its message.
struct Caught {
    std::string type;
    std::string message;
};

Caught caught(const fs::path& index, IndexAccess access, const std::function<void()>& work) {
    try {
        guard_index(index, access, work);
    } catch (const IndexLocked& e) {
        return {"IndexLocked", e.what()};
    } catch (const IndexUnwritable& e) {
        return {"IndexUnwritable", e.what()};
    } catch (const DamagedIndex& e) {
        return {"DamagedIndex", e.what()};
    } catch (const NotAnIndex& e) {
        return {"NotAnIndex", e.what()};
    } catch (const BadQuery& e) {
        return {"BadQuery", e.what()};
    } catch (const Error& e) {
        // Any other subtype of Error would be a translation nobody asked for.
        return {"Error", e.what()};
    } catch (const Xapian::Error& e) {
        return {"Xapian::Error", e.get_msg()};
    }
    return {"nothing", ""};
}

template <class XapianError>
std::function<void()> throwing(const std::string& message, int error = 0) {
    return [=] { throw XapianError(message, std::string(), error); };
}

}  // namespace

TEST_CASE("each Xapian error becomes the revue error for the access", "[xapian_errors]") {
    const fs::path index = "/data/revue/index";
    struct Row {
        const char* what;
        std::function<void()> work;
        IndexAccess access;
        const char* type;
        const char* says;  // a part of the message
    };
    const Row rows[] = {
        {"a lock, written", throwing<Xapian::DatabaseLockError>("held"), IndexAccess::write,
         "IndexLocked", "index is locked by another revue index: /data/revue/index"},
        {"a lock, read", throwing<Xapian::DatabaseLockError>("held"), IndexAccess::read,
         "IndexLocked", "locked"},
        {"a query the parser cannot read", throwing<Xapian::QueryParserError>("Syntax: <expr>"),
         IndexAccess::read, "BadQuery", "bad query: Syntax: <expr>"},
        {"a query error, even while writing", throwing<Xapian::QueryParserError>("Syntax"),
         IndexAccess::write, "BadQuery", "bad query"},
        {"a full disk while writing",
         throwing<Xapian::DatabaseError>("Error writing block", ENOSPC), IndexAccess::write,
         "IndexUnwritable",
         "cannot write the index /data/revue/index: Error writing block (No space left on "
         "device)"},
        {"corruption found while writing", throwing<Xapian::DatabaseCorruptError>("bad block"),
         IndexAccess::write, "IndexUnwritable", "cannot write the index /data/revue/index"},
        {"an opening error while writing", throwing<Xapian::DatabaseOpeningError>("no such"),
         IndexAccess::write, "IndexUnwritable", "/data/revue/index"},
        {"corruption found while reading", throwing<Xapian::DatabaseCorruptError>("bad block"),
         IndexAccess::read, "DamagedIndex", "the index /data/revue/index is damaged: bad block"},
        {"an opening error while reading", throwing<Xapian::DatabaseOpeningError>("no such db"),
         IndexAccess::read, "NotAnIndex", "cannot open index /data/revue/index: no such db"},
        {"an older format while reading", throwing<Xapian::DatabaseVersionError>("version 8"),
         IndexAccess::read, "NotAnIndex", "version 8"},
        {"any other error while reading", throwing<Xapian::RangeError>("out of range"),
         IndexAccess::read, "Error", "cannot read the index /data/revue/index: out of range"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        const Caught c = caught(index, row.access, row.work);
        CHECK(c.type == row.type);
        CHECK_THAT(c.message, Catch::Contains(row.says));
    }
}

TEST_CASE("the damaged index message says what to do", "[xapian_errors]") {
    const Caught c = caught("/i", IndexAccess::read, throwing<Xapian::DatabaseCorruptError>("x"));
    CHECK(c.type == "DamagedIndex");
    CHECK_THAT(c.message, Catch::Contains("remove it and run revue index again"));
}

TEST_CASE("guard_index hands back what the work returns, and lets other errors by",
          "[xapian_errors]") {
    CHECK(guard_index("/i", IndexAccess::read, [] { return 42; }) == 42);
    CHECK(guard_index("/i", IndexAccess::write, [] { return std::string("done"); }) == "done");
    CHECK_THROWS_AS(guard_index("/i", IndexAccess::read, []() -> int { throw BadOption("x"); }),
                    BadOption);
    CHECK_THROWS_WITH(
        guard_index("/i", IndexAccess::read, []() -> int { throw std::logic_error("not ours"); }),
        "not ours");
}

TEST_CASE("error_text adds the system's reason when Xapian has one", "[xapian_errors]") {
    CHECK(error_text(Xapian::DatabaseError("Error writing block 54", EIO)) ==
          "Error writing block 54 (Input/output error)");
    CHECK(error_text(Xapian::DatabaseError("plain")) == "plain");
}

TEST_CASE("real Xapian failures are translated too", "[xapian_errors]") {
    TempDir t;
    const fs::path db = t.path / "db";
    Xapian::WritableDatabase writer(db.string(), Xapian::DB_CREATE_OR_OPEN);
    // A second writer on the same database: Xapian's lock.
    const Caught locked = caught(db, IndexAccess::write, [&] {
        Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
    });
    CHECK(locked.type == "IndexLocked");
    CHECK_THAT(locked.message, Catch::Contains(db.string()));
    // Reading a folder that holds no database.
    t.write("other/notes.txt", "not an index");
    const Caught opening = caught(t.path / "other", IndexAccess::read,
                                  [&] { Xapian::Database((t.path / "other").string()); });
    CHECK(opening.type == "NotAnIndex");
    CHECK_THAT(opening.message, Catch::Contains((t.path / "other").string()));
    // Creating a database where a file stands: a write error naming the index.
    t.write("file", "x");
    const Caught unwritable = caught(t.path / "file", IndexAccess::write, [&] {
        Xapian::WritableDatabase((t.path / "file").string(), Xapian::DB_CREATE_OR_OPEN);
    });
    CHECK(unwritable.type == "IndexUnwritable");
    CHECK_THAT(unwritable.message,
               Catch::Contains("cannot write the index " + (t.path / "file").string()));
}
