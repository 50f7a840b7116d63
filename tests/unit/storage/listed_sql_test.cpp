// The SQL test of a listed story says what domain::is_listed says, for every status.
#include "storage/listed_sql.hpp"

#include <gtest/gtest.h>

#include "domain/article.hpp"

namespace dateline::storage {
namespace {

using domain::ArticleStatus;

TEST(ListedSql, NamesEveryListedStatusAndNoOther) {
    const std::string sql = listed_sql("a.status");
    EXPECT_EQ(sql, "a.status IN ('published', 'scheduled')");
    for (const auto status : {ArticleStatus::Draft, ArticleStatus::Review, ArticleStatus::Scheduled,
                              ArticleStatus::Published, ArticleStatus::Unpublished}) {
        const std::string quoted = "'" + std::string(domain::to_string(status)) + "'";
        EXPECT_EQ(sql.find(quoted) != std::string::npos, domain::is_listed(status)) << quoted;
    }
}

}  // namespace
}  // namespace dateline::storage
