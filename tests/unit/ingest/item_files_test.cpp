#include "ingest/item_files.hpp"

#include <gtest/gtest.h>

namespace dateline::ingest {

TEST(PictureSource, ADocumentFetchedFromAnAddressNamesAddressesNotFiles) {
    std::vector<std::string> warnings;
    // Read from a folder, a relative href is a file there (it need not exist yet).
    auto source = picture_source({{"pictures/a.jpg", 100}}, "/wire/in", {}, warnings);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->file, "/wire/in/pictures/a.jpg");
    EXPECT_EQ(source->url, "");
    // Fetched from an address, it is an address relative to the document's, and no file: URL
    // may be read.
    source =
        picture_source({{"file:///etc/hostname", 3000}, {"pictures/a.jpg", 100}}, {}, {}, warnings);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->file, "");
    EXPECT_EQ(source->url, "pictures/a.jpg");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0],
              "the picture rendition 'file:///etc/hostname' is refused: a document fetched from "
              "an address may not name a file");
    warnings.clear();
    // Schemes other than the web's are never fetched, whatever the document.
    source = picture_source({{"data:image/png;base64,AAAA", 10}, {"javascript:alert(1)", 5}}, {},
                            {}, warnings);
    EXPECT_FALSE(source);
    EXPECT_EQ(warnings.size(), 2u);
}

}  // namespace dateline::ingest
