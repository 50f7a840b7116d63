// dateline media: the media folder's upkeep (copies: the WebP copies and crops of pictures stored
// before Dateline made them; `webp`, the name of the first release that made copies, still works).
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
    media
        ->add_subcommand("copies",
                         "Write the copies of pictures stored before Dateline made them: WebP "
                         "copies (reader pages offer them once written) and crops to 16:9, 4:3 "
                         "and 1:1 (for search engines and link previews). Safe to run again.")
        ->alias("webp");
    return {media, [data] {
                auto opened = data->open(true);
                if (!opened) return fail(opened.error());
                SystemClock clock;
                media::ImageLibrary images(opened->config.media_dir);
                app::MediaService service(*opened->database, images, clock);
                auto done = service.add_copies();
                if (!done) return fail(done.error());
                std::cout << done->written << (done->written == 1 ? " picture" : " pictures")
                          << " given their copies.\n";
                for (const auto& failed : done->failed) std::cerr << failed << '\n';
                if (done->failed.empty()) return 0;
                return fail(std::to_string(done->failed.size()) +
                            " picture(s) could not be read; they keep serving without copies");
            }};
}

}  // namespace dateline::cli
