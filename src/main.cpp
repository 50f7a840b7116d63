#include "cli/cli.hpp"
#include "media/image_library.hpp"

int main(int argc, char** argv) {
    dateline::media::initialise(argv[0]);
    return dateline::cli::run(argc, argv);
}
