// CTest splits this executable in two tiers by name (tests/CMakeLists.txt): the cases named
// `.../postgres` need the PostgreSQL test cluster, every other case runs in `ctest -L unit`
// without it. This keeps a suite instantiated over testing_support::backend_names from hiding a
// PostgreSQL case under another name (gtest's default names are 0, 1, ...).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

TEST(TestTiers, EveryPostgresCaseIsNamedForTheFilter) {
    const auto& unit = *testing::UnitTest::GetInstance();
    int postgres_cases = 0;
    for (int i = 0; i < unit.total_test_suite_count(); ++i) {
        const auto& suite = *unit.GetTestSuite(i);
        for (int j = 0; j < suite.total_test_count(); ++j) {
            const auto& info = *suite.GetTestInfo(j);
            if (!info.value_param() ||
                std::string_view(info.value_param()).find("\"postgres\"") == std::string_view::npos)
                continue;
            ++postgres_cases;
            const std::string name = std::string(info.test_suite_name()) + "." + info.name();
            EXPECT_TRUE(std::string_view(info.name()).ends_with("/postgres"))
                << name << " runs on PostgreSQL but is not named .../postgres: give its "
                << "INSTANTIATE_TEST_SUITE_P the backend as the name";
        }
    }
    EXPECT_GT(postgres_cases, 0) << "no PostgreSQL case found at all";
}
