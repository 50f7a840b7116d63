#include "ingest/item_files.hpp"

#include <boost/url/pct_string_view.hpp>

#include <algorithm>
#include <fstream>

#include "core/paragraphs.hpp"
#include "sanitize/html_sanitizer.hpp"

namespace dateline::ingest {

namespace fs = std::filesystem;

namespace {

// The decoded text of a percent-encoded path. An escape that is not '%' and two hex digits is
// refused rather than guessed at ("100%.jpg" is not a name a URL can hold). Only escapes are
// checked: spaces and non-ASCII letters pass as written, as wires often send them.
Result<std::string> percent_decoded(const std::string& encoded) {
    const auto checked = boost::urls::make_pct_string_view(encoded);
    if (!checked)
        return Error::invalid(
            "it holds a malformed percent-escape (a '%' not followed by two hex digits)");
    return checked->decode();
}

// What a rendition's href names: a path relative to the item's folder, a file: URL (RFC 8089),
// or a remote file, which is not fetched here.
struct Href {
    enum class Kind { Relative, FileUrl, Remote };
    Kind kind = Kind::Remote;
    std::string path;     // percent-decoded
    std::string problem;  // why a local href cannot be used, when it cannot
};

Href classify(const std::string& href) {
    const auto decoded = [](Href::Kind kind, const std::string& encoded) {
        auto path = percent_decoded(encoded);
        if (!path) return Href{kind, {}, path.error().message};
        return Href{kind, std::move(*path), {}};
    };
    if (href.rfind("file:", 0) == 0) {
        std::string_view rest = std::string_view(href).substr(5);
        if (rest.rfind("//", 0) == 0) {
            rest.remove_prefix(2);
            const auto slash = rest.find('/');
            const std::string_view host = rest.substr(0, slash);
            if (!host.empty() && host != "localhost")
                return {Href::Kind::FileUrl, {}, "a file: URL on another host"};
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
        }
        Href url = decoded(Href::Kind::FileUrl, std::string(rest));
        if (url.problem.empty() && (url.path.empty() || url.path.front() != '/'))
            return {Href::Kind::FileUrl, {}, "a file: URL must hold an absolute path"};
        return url;
    }
    if (href.find("://") != std::string::npos) return {};
    return decoded(Href::Kind::Relative, href);
}

// Inside `folder`, not the folder itself; both absolute and free of symbolic links.
bool within(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const auto relative = path.lexically_relative(folder);
    return !relative.empty() && relative != "." && *relative.begin() != "..";
}

// Where a local rendition's file really is, symbolic links followed, once it is known to be
// allowed: a relative href inside the item's folder, a file: URL there or below an import root,
// and never anything but a regular file (a FIFO would hang the import, a device never ends).
// A file that does not exist passes here; reading it will say so.
Result<std::filesystem::path> confine(const Href& href, const std::filesystem::path& base_dir,
                                      const std::vector<std::filesystem::path>& import_roots) {
    namespace fs = std::filesystem;
    if (!href.problem.empty()) return Error::invalid(href.problem);
    if (href.path.find('\0') != std::string::npos)
        return Error::invalid("its path holds a NUL character");
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(base_dir, ec), ec);
    if (ec) return Error::invalid("the item's folder cannot be resolved (" + ec.message() + ")");
    // An absolute path given as a relative href replaces the folder here, and is refused below.
    const fs::path wanted =
        href.kind == Href::Kind::Relative ? folder / href.path : fs::path(href.path);
    const fs::path real = fs::weakly_canonical(wanted, ec);
    if (ec) return Error::invalid("it cannot be resolved (" + ec.message() + ")");
    bool allowed = within(real, folder);
    if (!allowed && href.kind == Href::Kind::FileUrl)
        for (const auto& root : import_roots) {
            const fs::path real_root = fs::weakly_canonical(root, ec);
            if (!ec && within(real, real_root)) allowed = true;
        }
    if (!allowed) {
        const std::string where = href.kind == Href::Kind::Relative
                                      ? "it is outside the item's folder"
                                      : "it is outside the item's folder and the import roots";
        return Error::invalid(where + " (it leads to " + real.string() + ")");
    }
    const auto status = fs::status(real, ec);
    if (fs::exists(status) && !fs::is_regular_file(status))
        return Error::invalid("it is not a regular file (" + real.string() + ")");
    return real;
}

}  // namespace

Result<std::string> read_item_text(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return Error::invalid("cannot be read (" + ec.message() + ")");
    if (size > max_item_bytes)
        return Error::invalid("larger than " + std::to_string(max_item_bytes / (1024 * 1024)) +
                              " MB");
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::invalid("cannot be opened");
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (!in) return Error::invalid("cannot be read");
    return text;
}

std::optional<PictureSource> picture_source(const std::vector<Rendition>& renditions,
                                            const fs::path& base_dir,
                                            const std::vector<fs::path>& import_roots,
                                            std::vector<std::string>& warnings) {
    const bool fetched_document = base_dir.empty();
    std::vector<const Rendition*> local;
    std::vector<const Rendition*> remote;
    for (const auto& r : renditions) {
        const Href href = classify(r.href);
        const bool relative_address = fetched_document && href.kind == Href::Kind::Relative;
        (href.kind == Href::Kind::Remote || relative_address ? remote : local).push_back(&r);
    }
    const auto widest_first = [](std::vector<const Rendition*>& list) {
        std::stable_sort(list.begin(), list.end(), [](const Rendition* x, const Rendition* y) {
            return x->width > y->width;
        });
    };
    widest_first(local);
    widest_first(remote);
    for (const auto* r : local) {
        if (fetched_document) {
            warnings.push_back("the picture rendition '" + r->href +
                               "' is refused: a document fetched from an address may not name a "
                               "file");
            continue;
        }
        auto confined = confine(classify(r->href), base_dir, import_roots);
        if (confined) return PictureSource{std::move(*confined), {}};
        warnings.push_back("the picture rendition '" + r->href +
                           "' is refused: " + confined.error().message);
    }
    for (const auto* r : remote) {
        // Only web addresses are fetched: not ftp:, data: or anything else a feed may hold.
        const auto colon = r->href.find(':');
        const bool schemeless = colon == std::string::npos || r->href.find('/') < colon;
        const bool web = r->href.rfind("http://", 0) == 0 || r->href.rfind("https://", 0) == 0 ||
                         (fetched_document && schemeless);
        if (web) return PictureSource{{}, r->href};
        warnings.push_back("the picture rendition '" + r->href +
                           "' is refused: only http and https addresses are fetched");
    }
    return std::nullopt;
}

// Plain wire text as paragraphs: blank lines separate them when the text has any; otherwise
// agencies put one paragraph on each line.
std::string paragraphs_from_plain_text(std::string_view text) {
    std::vector<std::string> paragraphs = split_paragraphs(text);
    if (paragraphs.size() == 1) {
        paragraphs.clear();
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            for (auto& p : split_paragraphs(text.substr(start, end - start)))
                paragraphs.push_back(std::move(p));
            start = end + 1;
        }
    }
    std::string html;
    for (const auto& paragraph : paragraphs)
        html += "<p>" + sanitize::escape_html(paragraph) + "</p>";
    return html;
}

}  // namespace dateline::ingest
