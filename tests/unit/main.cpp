#include <gtest/gtest.h>

#include "media/image_library.hpp"

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    dateline::media::initialise(argv[0]);
    return RUN_ALL_TESTS();
}
