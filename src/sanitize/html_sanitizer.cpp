#include "sanitize/html_sanitizer.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/ascii.hpp"

namespace dateline::sanitize {

namespace {

constexpr int max_depth = 64;          // deeper elements are unwrapped
constexpr int hard_depth_limit = 512;  // deeper content is dropped
constexpr std::ptrdiff_t max_tags = 10'000;

enum class Policy { Keep, Unwrap, Drop };

struct ElementRule {
    GumboTag tag;
    const char* name;
    bool block;  // starts its own block: stray inline text is not wrapped into it
};

constexpr std::array kept = {
    ElementRule{GUMBO_TAG_P, "p", true},
    ElementRule{GUMBO_TAG_H2, "h2", true},
    ElementRule{GUMBO_TAG_H3, "h3", true},
    ElementRule{GUMBO_TAG_H4, "h4", true},
    ElementRule{GUMBO_TAG_BLOCKQUOTE, "blockquote", true},
    ElementRule{GUMBO_TAG_UL, "ul", true},
    ElementRule{GUMBO_TAG_OL, "ol", true},
    ElementRule{GUMBO_TAG_LI, "li", true},
    ElementRule{GUMBO_TAG_TABLE, "table", true},
    ElementRule{GUMBO_TAG_THEAD, "thead", true},
    ElementRule{GUMBO_TAG_TBODY, "tbody", true},
    ElementRule{GUMBO_TAG_TR, "tr", true},
    ElementRule{GUMBO_TAG_TH, "th", true},
    ElementRule{GUMBO_TAG_TD, "td", true},
    ElementRule{GUMBO_TAG_CAPTION, "caption", true},
    ElementRule{GUMBO_TAG_PRE, "pre", true},
    ElementRule{GUMBO_TAG_HR, "hr", true},
    ElementRule{GUMBO_TAG_STRONG, "strong", false},
    ElementRule{GUMBO_TAG_B, "strong", false},
    ElementRule{GUMBO_TAG_EM, "em", false},
    ElementRule{GUMBO_TAG_I, "em", false},
    ElementRule{GUMBO_TAG_A, "a", false},
    ElementRule{GUMBO_TAG_BR, "br", false},
    ElementRule{GUMBO_TAG_DEL, "del", false},
    ElementRule{GUMBO_TAG_S, "del", false},
    ElementRule{GUMBO_TAG_SUB, "sub", false},
    ElementRule{GUMBO_TAG_SUP, "sup", false},
    ElementRule{GUMBO_TAG_CODE, "code", false},
    ElementRule{GUMBO_TAG_Q, "q", false},
    ElementRule{GUMBO_TAG_CITE, "cite", false},
    ElementRule{GUMBO_TAG_ABBR, "abbr", false},
    ElementRule{GUMBO_TAG_SPAN, "span", false},
};

constexpr std::array dropped = {
    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED,
    GUMBO_TAG_TEMPLATE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_SVG,      GUMBO_TAG_MATH,   GUMBO_TAG_HEAD,
    GUMBO_TAG_TITLE,    GUMBO_TAG_FORM,     GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_FRAME,    GUMBO_TAG_FRAMESET, GUMBO_TAG_APPLET, GUMBO_TAG_BASE,
    GUMBO_TAG_LINK,     GUMBO_TAG_META,     GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,  GUMBO_TAG_CANVAS,
    GUMBO_TAG_IMG,      GUMBO_TAG_BGSOUND,  GUMBO_TAG_SOURCE,   GUMBO_TAG_TRACK,  GUMBO_TAG_PARAM,
};

const ElementRule* rule_for(GumboTag tag) {
    if (tag == GUMBO_TAG_H1) return &kept[1];  // the page's h1 is the headline
    if (tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6) return &kept[3];
    for (const auto& r : kept)
        if (r.tag == tag) return &r;
    return nullptr;
}

Policy policy_for(GumboTag tag) {
    if (rule_for(tag)) return Policy::Keep;
    if (std::find(dropped.begin(), dropped.end(), tag) != dropped.end()) return Policy::Drop;
    return Policy::Unwrap;
}

bool safe_href(std::string_view href) {
    // Browsers ignore ASCII whitespace and control characters inside a scheme (WHATWG URL), so
    // compare with them removed, case-folded.
    std::string scheme;
    for (const char ch : href) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ':') break;
        if (c <= 0x20) continue;
        if (c == '/' || c == '?' || c == '#') return true;  // relative reference
        scheme += ascii_lower(static_cast<char>(c));
    }
    if (scheme.size() == href.size()) return true;  // no colon: relative
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

bool has_safe_href(const GumboElement& el) {
    const GumboAttribute* href = gumbo_get_attribute(&el.attributes, "href");
    return href && safe_href(href->value);
}

class Writer {
  public:
    std::string html;
    std::string text;

    void walk(const GumboNode* node, int depth, bool in_block) {
        if (depth > hard_depth_limit) return;  // keeps recursion bounded on hostile nesting
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE: {
                const std::string_view t = node->v.text.text;
                if (!in_block) {
                    if (t.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return;
                    open_paragraph();
                }
                html += escape_html(t);
                append_text(t);
                return;
            }
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                element(node, depth, in_block);
                return;
            default:  // comments, doctype
                return;
        }
    }

    void close_paragraph() {
        if (open_paragraph_) {
            html += "</p>";
            end_block();
            open_paragraph_ = false;
        }
    }

  private:
    bool open_paragraph_ = false;
    std::vector<GumboTag> open_;  // the kept elements open around the current node
    int phrasing_depth_ = 0;      // how many of them allow only phrasing content

    static bool holds_only_phrasing(GumboTag tag) {
        return tag == GUMBO_TAG_P || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
               tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H5 ||
               tag == GUMBO_TAG_H6 || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_CAPTION;
    }

    bool parent_allows(GumboTag tag) const {
        const GumboTag parent = open_.empty() ? GUMBO_TAG_BODY : open_.back();
        switch (tag) {
            case GUMBO_TAG_LI:
                return parent == GUMBO_TAG_UL || parent == GUMBO_TAG_OL;
            case GUMBO_TAG_TR:
                return parent == GUMBO_TAG_TABLE || parent == GUMBO_TAG_THEAD ||
                       parent == GUMBO_TAG_TBODY;
            case GUMBO_TAG_TD:
            case GUMBO_TAG_TH:
                return parent == GUMBO_TAG_TR;
            case GUMBO_TAG_THEAD:
            case GUMBO_TAG_TBODY:
            case GUMBO_TAG_CAPTION:
                return parent == GUMBO_TAG_TABLE;
            default:
                return true;
        }
    }

    void open_paragraph() {
        if (!open_paragraph_) {
            html += "<p>";
            open_paragraph_ = true;
        }
    }

    void append_text(std::string_view t) {
        for (const char ch : t) {
            const bool space = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f';
            if (space) {
                if (!text.empty() && text.back() != ' ' && text.back() != '\n') text += ' ';
            } else {
                text += ch;
            }
        }
    }

    void end_block() {
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (!text.empty() && !text.ends_with("\n\n")) text += text.ends_with('\n') ? "\n" : "\n\n";
    }

    void children(const GumboNode* node, int depth, bool in_block) {
        const GumboVector& kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i)
            walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1, in_block);
    }

    void element(const GumboNode* node, int depth, bool in_block) {
        const GumboElement& el = node->v.element;
        const Policy policy = policy_for(el.tag);
        if (policy == Policy::Drop) return;
        const ElementRule* rule = rule_for(el.tag);
        // A link whose target was unsafe or missing is no link: keep its text only (an <a>
        // without href may not carry rel, and would read as a link that goes nowhere).
        const bool dead_link = el.tag == GUMBO_TAG_A && !has_safe_href(el);
        // Output must nest as HTML allows, whatever the input did: no block inside a link,
        // emphasis, paragraph or heading, and list items and table parts only in their parents.
        const bool misplaced =
            (rule && rule->block && phrasing_depth_ > 0) || (rule && !parent_allows(rule->tag));
        if (policy == Policy::Unwrap || depth > max_depth || dead_link || misplaced) {
            children(node, depth, in_block);
            return;
        }
        if (rule->block) {
            close_paragraph();
        } else if (!in_block) {
            open_paragraph();
        }
        const std::size_t start = html.size();
        html += '<';
        html += rule->name;
        attributes(el, rule->tag);
        html += '>';
        if (el.tag == GUMBO_TAG_BR) {
            text += '\n';
            return;
        }
        if (el.tag == GUMBO_TAG_HR) {
            end_block();
            return;
        }
        const bool phrasing = !rule->block || holds_only_phrasing(rule->tag);
        open_.push_back(rule->tag);
        if (phrasing) ++phrasing_depth_;
        children(node, depth, rule->block || in_block || open_paragraph_);
        if (phrasing) --phrasing_depth_;
        open_.pop_back();
        html += "</";
        html += rule->name;
        html += '>';
        if (rule->tag == GUMBO_TAG_P && html.compare(start, std::string::npos, "<p></p>") == 0)
            html.resize(start);  // an empty paragraph (a stray </p>) says nothing
        if (rule->block) end_block();
    }

    void attributes(const GumboElement& el, GumboTag tag) {
        const GumboVector& attrs = el.attributes;
        for (unsigned i = 0; i < attrs.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
            const std::string_view name = a->name;
            const std::string_view value = a->value;
            const bool keep =
                (name == "href" && tag == GUMBO_TAG_A && safe_href(value)) ||
                (name == "dir" && (value == "ltr" || value == "rtl" || value == "auto")) ||
                (name == "lang" && value.size() <= 35 &&
                 value.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
                     std::string_view::npos);
            if (!keep) continue;
            html += ' ';
            html += name;
            html += "=\"";
            html += escape_html(value);
            html += '"';
        }
        if (tag == GUMBO_TAG_A) html += " rel=\"noopener\"";
    }
};

const GumboNode* find_body(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) return node;
    const GumboVector& kids =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        if (const auto* body = find_body(static_cast<const GumboNode*>(kids.data[i]))) return body;
    return nullptr;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\0':
                out += "\xEF\xBF\xBD";
                break;
            default:
                out += c;
        }
    }
    return out;
}

SanitizedHtml sanitize_html(std::string_view untrusted) {
    // Parsing time grows faster than linearly with hostile nesting (gumbo scans the open-element
    // stack per tag). No story needs this many tags: keep such input as escaped text instead.
    if (std::count(untrusted.begin(), untrusted.end(), '<') > max_tags) {
        const std::string text(untrusted);
        return {"<p>" + escape_html(text) + "</p>", text};
    }
    // gumbo records every parse error with a copy of the open-element stack: unbounded, that is
    // quadratic in the nesting depth of hostile markup. The errors are of no use here.
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, untrusted.data(), untrusted.size());
    Writer writer;
    if (const GumboNode* body = find_body(output->document)) {
        const GumboVector& kids = body->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i)
            writer.walk(static_cast<const GumboNode*>(kids.data[i]), 1, false);
    }
    writer.close_paragraph();
    gumbo_destroy_output(&options, output);
    while (!writer.text.empty() && (writer.text.back() == '\n' || writer.text.back() == ' '))
        writer.text.pop_back();
    return {std::move(writer.html), std::move(writer.text)};
}

}  // namespace dateline::sanitize
