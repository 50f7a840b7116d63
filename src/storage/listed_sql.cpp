#include "storage/listed_sql.hpp"

#include "domain/article.hpp"

namespace dateline::storage {

std::string listed_sql(std::string_view column) {
    // The statuses domain::is_listed names (ListedSql's test holds them together).
    using domain::ArticleStatus;
    return std::string(column) + " IN ('" +
           std::string(domain::to_string(ArticleStatus::Published)) + "', '" +
           std::string(domain::to_string(ArticleStatus::Scheduled)) + "')";
}

}  // namespace dateline::storage
