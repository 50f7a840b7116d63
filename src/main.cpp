#include "cli/cli.hpp"
#include "core/memory_policy.hpp"
#include "media/image_library.hpp"

int main(int argc, char** argv) {
    dateline::keep_freed_memory_for_reuse();
    dateline::media::initialise(argv[0]);
    return dateline::cli::run(argc, argv);
}
