#include <gtest/gtest.h>

#include <vector>

#include "../support_network.hpp"

namespace dateline::app {

using Readiness = testing_support::DefaultNetworkTest;

// /readyz answers within a probe's timeout whatever the load: ready when a connection is free
// and the schema is this program's, Unavailable at once when every connection stays busy.
TEST_P(Readiness, IsUnavailableWhileEveryConnectionStaysBusy) {
    if (!ready()) return;
    testing_support::FixedClock clock(1'795'000'000);
    ReaderService reader(*database, clock);
    EXPECT_TRUE(reader.ready().ok());
    std::vector<db::Database::Lease> busy;
    const auto connections = database->statistics().connections;
    for (std::size_t i = 0; i < connections; ++i) busy.push_back(database->acquire());
    const auto status = reader.ready();  // would wait for ever, as acquire() does
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::Unavailable);
    EXPECT_NE(status.error().message.find("busy"), std::string::npos) << status.error().message;
    busy.pop_back();
    EXPECT_TRUE(reader.ready().ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, Readiness, testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
