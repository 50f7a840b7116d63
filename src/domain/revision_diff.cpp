#include "domain/revision_diff.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>

namespace dateline::domain {

namespace {

// Beyond this many lines a side, dtl trades the shortest script for bounded memory.
constexpr std::size_t huge_lines = 10'000;

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

// The body as compared: its source, or its markup broken after each block.
std::string comparable_body(const ArticleDraft& d) {
    if (!d.body_source.empty()) return d.body_source;
    std::string out;
    out.reserve(d.body_html.size() + d.body_html.size() / 32);
    const std::string_view html = d.body_html;
    bool closing = false;  // the tag being read is a closing one
    for (std::size_t i = 0; i < html.size(); ++i) {
        out += html[i];
        if (html[i] == '<') closing = i + 1 < html.size() && html[i + 1] == '/';
        if (html[i] == '>' && closing && i + 1 < html.size() && html[i + 1] == '<') out += '\n';
    }
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after) {
    const auto a = lines_of(before);
    const auto b = lines_of(after);
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    if (a.size() > huge_lines || b.size() > huge_lines) diff.onHuge();
    diff.compose();
    std::vector<DiffLine> out;
    for (const auto& [line, info] : diff.getSes().getSequence()) {
        const auto kind = info.type == dtl::SES_ADD      ? DiffLine::Kind::Added
                          : info.type == dtl::SES_DELETE ? DiffLine::Kind::Removed
                                                         : DiffLine::Kind::Same;
        out.push_back({kind, line});
    }
    // Within each run of changes, what went comes before what came, as readers of diffs expect.
    for (auto run = out.begin(); run != out.end();) {
        if (run->kind == DiffLine::Kind::Same) {
            ++run;
            continue;
        }
        auto end = std::find_if(run, out.end(),
                                [](const DiffLine& l) { return l.kind == DiffLine::Kind::Same; });
        std::stable_partition(run, end,
                              [](const DiffLine& l) { return l.kind == DiffLine::Kind::Removed; });
        run = end;
    }
    return out;
}

ContentComparison compare(const ArticleDraft& before, const ArticleDraft& after) {
    ContentComparison c;
    const auto image = [](const ArticleDraft& d) {
        return d.lead_image_id ? "#" + std::to_string(*d.lead_image_id) : std::string();
    };
    const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
        {"headline", {before.headline, after.headline}},
        {"standfirst", {before.standfirst, after.standfirst}},
        {"dateline", {before.dateline, after.dateline}},
        {"source_credit", {before.source_credit, after.source_credit}},
        {"authors", {joined(before.author_names), joined(after.author_names)}},
        {"section", {before.section_slug, after.section_slug}},
        {"tags", {joined(before.tag_names), joined(after.tag_names)}},
        {"lead_image", {image(before), image(after)}},
        {"lead_caption", {before.lead_caption, after.lead_caption}},
        {"lead_credit", {before.lead_credit, after.lead_credit}},
        {"slug", {before.slug, after.slug}},
    };
    for (const auto& [name, values] : fields)
        if (values.first != values.second) c.fields.push_back({name, values.first, values.second});
    c.body = diff_lines(comparable_body(before), comparable_body(after));
    for (const auto& line : c.body)
        if (line.kind != DiffLine::Kind::Same) c.body_changed = true;
    return c;
}

}  // namespace dateline::domain
