#pragma once

#include <gtest/gtest.h>

#include "app/network_setup.hpp"
#include "provision/network_file.hpp"
#include "support_database.hpp"

namespace dateline::testing_support {

/// A suite run on every backend (backend_names) from the default network ("http://news.example"),
/// made afresh before each test. A suite's own SetUp calls this one first, and goes on only
/// when ready() (the backend is there and the network was made).
class DefaultNetworkTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        ASSERT_TRUE(app::create_network(*database, spec).ok());
    }

    bool ready() const { return !IsSkipped() && !HasFatalFailure(); }
    /// The slug of the network's first site.
    const std::string& first_site() const { return spec.sites.front().site.slug; }

    TestDatabase database{GetParam()};
    domain::NetworkSpec spec = provision::default_network_spec("http://news.example");
};

}  // namespace dateline::testing_support
