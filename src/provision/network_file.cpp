#include "provision/network_file.hpp"

#include "provision/json_file.hpp"

namespace dateline::provision {

Result<std::string> normalise_public_url(const std::string& url) {
    std::string trimmed = url;
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
    std::string origin, path;
    if (!domain::split_base_url(trimmed + "/", origin, path))
        return Error::invalid(
            "The public URL '" + url +
                "' is not an absolute http or https URL without query or fragment.",
            "public-url");
    return trimmed;
}

Result<domain::NetworkSpec> read_network_spec(const std::filesystem::path& file,
                                              const std::string& public_url) {
    auto root = read_json_object(file);
    if (!root) return root.error();
    domain::NetworkSpec spec;
    const auto* network = root->if_contains("network");
    if (!network || !network->is_object())
        return Error::invalid(file.string() + ": no \"network\" object");
    spec.network.slug = text(network->get_object(), "slug");
    spec.network.name = text(network->get_object(), "name");
    spec.network.default_site_slug = text(network->get_object(), "default_site");
    for (const auto& entry : array(*root, "sites")) {
        if (!entry.is_object()) continue;
        const auto& o = entry.get_object();
        domain::SiteSpec s;
        s.site.slug = text(o, "slug");
        s.site.name = text(o, "name");
        s.site.tagline = text(o, "tagline");
        s.site.language = text(o, "language");
        s.site.direction =
            text(o, "direction") == "rtl" ? domain::TextDirection::Rtl : domain::TextDirection::Ltr;
        s.site.time_zone = text(o, "time_zone");
        // A site on its own host names its whole base URL; otherwise it lives below the public URL.
        s.site.base_url =
            text(o, "base_url").empty() ? public_url + text(o, "path") : text(o, "base_url");
        const auto* digits = o.if_contains("arabic_indic_digits");
        s.site.arabic_indic_digits = digits && digits->is_bool() && digits->get_bool();
        const auto* hijri = o.if_contains("hijri_dates");
        s.site.hijri_dates = hijri && hijri->is_bool() && hijri->get_bool();
        s.site.footer_credit = text(o, "footer_credit");
        s.site.publisher_address = text(o, "publisher_address");
        if (const auto* c = o.if_contains("comments"); c && c->is_object()) {
            const auto& comments = c->get_object();
            const auto* open = comments.if_contains("open");
            s.site.comments_open = !open || !open->is_bool() || open->get_bool();
            s.site.comments_close_after_days =
                static_cast<int>(number(comments, "close_after_days", 0));
            s.site.comment_limits.name = static_cast<std::size_t>(number(comments, "max_name", 80));
            s.site.comment_limits.title =
                static_cast<std::size_t>(number(comments, "max_title", 120));
            s.site.comment_limits.body =
                static_cast<std::size_t>(number(comments, "max_comment", 1500));
        }
        for (const auto& name : array(o, "share"))
            s.site.share_networks.push_back(name.is_string() ? std::string(name.get_string())
                                                             : std::string("(not a name)"));
        for (const auto& link : array(o, "social"))
            if (link.is_object())
                s.site.social_links.push_back(
                    {text(link.get_object(), "network"), text(link.get_object(), "url")});
        int position = 0;
        for (const auto& section : array(o, "sections"))
            if (section.is_object())
                s.sections.push_back({0, 0, text(section.get_object(), "slug"),
                                      text(section.get_object(), "name"), position++});
        for (const auto& author : array(o, "authors"))
            if (author.is_object())
                s.authors.push_back({0, 0, text(author.get_object(), "slug"),
                                     text(author.get_object(), "name"),
                                     text(author.get_object(), "role")});
        if (auto valid = domain::validate_site(s); !valid) {
            Error e = valid.error();
            e.message = file.string() + ": " + e.message;
            return e;
        }
        spec.sites.push_back(std::move(s));
    }
    if (spec.sites.empty()) return Error::invalid(file.string() + ": no sites");
    return spec;
}

domain::NetworkSpec default_network_spec(const std::string& public_url) {
    domain::NetworkSpec spec;
    spec.network = {0, "network", "News network", "news"};
    domain::SiteSpec site;
    site.site.slug = "news";
    site.site.name = "News";
    site.site.language = "en";
    site.site.time_zone = "UTC";
    site.site.base_url = public_url + "/";
    site.sections.push_back({0, 0, "news", "News", 0});
    spec.sites.push_back(std::move(site));
    return spec;
}

}  // namespace dateline::provision
