#pragma once

#include "http/message.hpp"

namespace dateline::site {

/// Whether a request for a story's page is a person reading it, for "most read"
/// (app::MostRead): a GET (not HEAD), not a prefetch or prerender (`Sec-Purpose`, `Purpose`,
/// `X-Moz`), from a user agent that names itself and is not a known robot, link previewer,
/// command-line tool or headless browser. Only the request's headers are read; nothing about the
/// reader is kept.
bool is_a_read(const http::Request& request);

}  // namespace dateline::site
