// dateline media: the media folder's upkeep (webp: WebP copies of pictures stored before them).
#include <iostream>

#include "app/media_service.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

Command media_command(CLI::App& app) {
    auto data = std::make_shared<DataOptions>();
    auto* media = app.add_subcommand("media", "Look after the stored pictures.");
    data->add_to(*media);
    media->fallthrough();
    media->require_subcommand(1);
    media->add_subcommand("webp",
                          "Write the WebP copies of pictures stored before Dateline made them "
                          "(reader pages offer them once written). Safe to run again.");
    return {media, [data] {
                auto opened = data->open(true);
                if (!opened) return fail(opened.error());
                SystemClock clock;
                media::ImageLibrary images(opened->config.media_dir);
                app::MediaService service(*opened->database, images, clock);
                auto done = service.add_webp_copies();
                if (!done) return fail(done.error());
                std::cout << done->written << (done->written == 1 ? " picture" : " pictures")
                          << " given WebP copies.\n";
                for (const auto& failed : done->failed) std::cerr << failed << '\n';
                if (done->failed.empty()) return 0;
                return fail(std::to_string(done->failed.size()) +
                            " picture(s) could not be read; they keep serving without WebP");
            }};
}

}  // namespace dateline::cli
