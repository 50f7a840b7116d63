#include "core/database_url.hpp"

#include <gtest/gtest.h>

namespace dateline {

TEST(DatabaseUrl, ReadsBothBackendsAndNothingElse) {
    const auto file = parse_database_url("sqlite:/srv/dateline/dateline.db");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->backend, DatabaseUrl::Backend::Sqlite);
    EXPECT_EQ(file->sqlite_path, "/srv/dateline/dateline.db");
    EXPECT_EQ(file->text, "sqlite:/srv/dateline/dateline.db");
    for (const char* pg : {"postgresql://news@db:5432/dateline", "postgres://db/dateline"}) {
        const auto url = parse_database_url(pg);
        ASSERT_TRUE(url) << pg;
        EXPECT_EQ(url->backend, DatabaseUrl::Backend::Postgres);
        EXPECT_EQ(url->text, pg);
    }
    for (const char* bad : {"", "sqlite:", "mysql://db/x", "/srv/dateline.db", "SQLITE:x"})
        EXPECT_FALSE(parse_database_url(bad)) << bad;
}

}  // namespace dateline
