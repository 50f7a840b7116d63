#pragma once

#include <gtest/gtest.h>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "media/image_library.hpp"
#include "provision/network_file.hpp"
#include "support_database.hpp"
#include "support_fixed_clock.hpp"

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

/// A DefaultNetworkTest with the services that write stories and read them as readers do, on a
/// clock stopped at `now` (a test moves it with clock.set). A suite adds its sites to `spec`
/// before calling DefaultNetworkTest::SetUp.
class StoryServicesTest : public DefaultNetworkTest {
  protected:
    static constexpr UnixTime now = 1'795'000'000;  // late 2026

    FixedClock clock{now};
    media::ImageLibrary images{database.dir() / "media"};
    app::MediaService media{*database, images, clock};
    app::ArticleService articles{*database, media, clock};
    app::ReaderService reader{*database, clock};
};

}  // namespace dateline::testing_support
