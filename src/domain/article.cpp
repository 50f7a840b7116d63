#include "domain/article.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace dateline::domain {

std::string_view to_string(ArticleStatus status) {
    switch (status) {
        case ArticleStatus::Draft:
            return "draft";
        case ArticleStatus::Review:
            return "review";
        case ArticleStatus::Scheduled:
            return "scheduled";
        case ArticleStatus::Published:
            return "published";
        case ArticleStatus::Unpublished:
            return "unpublished";
    }
    return "draft";
}

std::optional<ArticleStatus> parse_article_status(std::string_view text) {
    for (const auto status : {ArticleStatus::Draft, ArticleStatus::Review, ArticleStatus::Scheduled,
                              ArticleStatus::Published, ArticleStatus::Unpublished})
        if (text == to_string(status)) return status;
    return std::nullopt;
}

std::string_view to_string(NoteKind kind) {
    return kind == NoteKind::Update ? "update" : "correction";
}

std::optional<NoteKind> parse_note_kind(std::string_view text) {
    if (text == "correction") return NoteKind::Correction;
    if (text == "update") return NoteKind::Update;
    return std::nullopt;
}

std::optional<std::string> note_problem(std::string_view text) {
    if (!is_valid_utf8(text)) return "invalid";
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "required";
    if (count_code_points(text) > max_note_chars) return "too_long";
    return std::nullopt;
}

bool has_media_variant(int variant_width, int width, int copies) {
    return variant_width < width &&
           (variant_width != media_thumbnail_width || copies >= media_copies_thumbnail);
}

void append_media_name(std::string& out, std::string_view file_name, int variant_width, bool webp) {
    const auto dot = std::min(file_name.rfind('.'), file_name.size());
    out += file_name.substr(0, dot);
    if (variant_width > 0) {
        out += "-w";
        out += std::to_string(variant_width);
    }
    out += webp ? std::string_view(".webp") : file_name.substr(dot);
}

std::vector<MediaVariant> media_variants(const std::string& file_name, int width, int copies) {
    std::vector<MediaVariant> out;
    if (file_name.rfind('.') == std::string::npos) return out;
    for (const int w : media_variant_widths)
        if (has_media_variant(w, width, copies)) {
            std::string name;
            append_media_name(name, file_name, w, false);
            out.push_back({w, std::move(name)});
        }
    return out;
}

std::vector<MediaCrop> media_crops(const std::string& file_name, int width, int height) {
    struct Ratio {
        const char* name;
        int across;
        int down;
    };
    constexpr Ratio ratios[] = {{"16x9", 16, 9}, {"4x3", 4, 3}, {"1x1", 1, 1}};
    std::vector<MediaCrop> out;
    const auto dot = file_name.rfind('.');
    if (dot == std::string::npos || width < 1 || height < 1) return out;
    for (const auto& r : ratios) {
        const long long widest = static_cast<long long>(height) * r.across / r.down;
        const int w = static_cast<int>(std::min<long long>({media_crop_max_width, width, widest}));
        const int h = static_cast<int>(static_cast<long long>(w) * r.down / r.across);
        if (w < 1 || h < 1) continue;
        out.push_back(
            {r.name, w, h, file_name.substr(0, dot) + "-" + r.name + file_name.substr(dot)});
    }
    return out;
}

std::string webp_name(const std::string& file_name) {
    std::string name;
    append_media_name(name, file_name, 0, true);
    return name;
}

bool Article::was_updated() const {
    constexpr UnixTime minute = 60;
    return first_published_at > 0 && updated_at >= first_published_at + minute;
}

namespace {

Status check_text(std::string_view value, std::string_view field, std::size_t max_chars,
                  bool required) {
    if (!is_valid_utf8(value))
        return Error::invalid("The " + std::string(field) + " is not valid UTF-8 text.",
                              std::string(field));
    if (required && value.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error::invalid("The " + std::string(field) + " is required.", std::string(field));
    if (count_code_points(value) > max_chars)
        return Error::invalid("The " + std::string(field) + " is longer than " +
                                  std::to_string(max_chars) + " characters.",
                              std::string(field));
    return success();
}

}  // namespace

Status validate(const ArticleDraft& d) {
    struct Field {
        std::string_view value, name;
        std::size_t max;
        bool required;
    };
    const Field fields[] = {
        {d.headline, "headline", max_headline_chars, true},
        {d.standfirst, "standfirst", max_standfirst_chars, false},
        {d.dateline, "dateline", max_short_field_chars, false},
        {d.source_credit, "source credit", max_short_field_chars, false},
        {d.lead_caption, "caption", max_standfirst_chars, false},
        {d.lead_credit, "image credit", max_short_field_chars, false},
        {d.slug, "slug", max_short_field_chars, false},
        {d.external_id, "external id", max_short_field_chars * 2, false},
    };
    for (const auto& f : fields)
        if (auto s = check_text(f.value, f.name, f.max, f.required); !s) return s;
    for (const auto* body : {&d.body_html, &d.body_source})
        if (body->size() > max_body_bytes || !is_valid_utf8(*body))
            return Error::invalid("The body is too long or not valid UTF-8 text.", "body");
    if (d.tag_names.size() > max_tags)
        return Error::invalid("An article has at most " + std::to_string(max_tags) + " tags.",
                              "tags");
    if (d.author_names.size() > max_authors)
        return Error::invalid("An article has at most " + std::to_string(max_authors) + " authors.",
                              "authors");
    for (const auto& name : d.tag_names)
        if (auto s = check_text(name, "tag", max_short_field_chars, true); !s) return s;
    for (const auto& name : d.author_names)
        if (auto s = check_text(name, "author", max_short_field_chars, true); !s) return s;
    if (is_listed(d.status) && !d.first_published_at)
        return Error::invalid("A published or scheduled article needs a publication time.",
                              "first_published_at");
    return success();
}

void hold_for_embargo(ArticleStatus& status, std::optional<UnixTime>& first_published_at,
                      const std::optional<UnixTime>& embargoed_until, UnixTime now) {
    if (!is_listed(status) || !embargoed_until) return;
    if (!first_published_at || *first_published_at < *embargoed_until)
        first_published_at = *embargoed_until;
    if (*embargoed_until > now) status = ArticleStatus::Scheduled;
}

}  // namespace dateline::domain
