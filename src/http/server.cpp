// The session, the accept loop and the shutdown live together in this file: it is the only one
// that includes Beast and Asio (compile time; scripts/check-dependencies.py keeps it so).
#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <csignal>
#include <optional>
#include <thread>
#include <unordered_set>

#include "core/ascii.hpp"
#include "core/ip_address.hpp"
#include "http/access_log.hpp"
#include "http/connection_limits.hpp"
#include "http/framing.hpp"
#include "http/validators.hpp"

namespace dateline::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

// One large body being read: counted while it is, whatever way the reading ends.
struct LargeBodySlot {
    explicit LargeBodySlot(std::atomic<int>& in_flight) : counter(in_flight), count(++in_flight) {}
    ~LargeBodySlot() { --counter; }
    LargeBodySlot(const LargeBodySlot&) = delete;
    LargeBodySlot& operator=(const LargeBodySlot&) = delete;
    std::atomic<int>& counter;
    int count;  // how many were in flight with this one
};

// The fields of a parsed head that decide whether its body may be large.
RequestHead head_of(const bhttp::request_header<>& in) {
    const auto field = [&](bhttp::field f) {
        const auto found = in.find(f);
        return found == in.end() ? std::string_view() : std::string_view(found->value());
    };
    return {std::string_view(in.method_string()), std::string_view(in.target()),
            field(bhttp::field::authorization), field(bhttp::field::cookie)};
}

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr auto shutdown_poll = std::chrono::milliseconds(50);
constexpr std::size_t first_read_bytes = 4096;
constexpr unsigned http_1_1 = 11;  // Beast's version number for HTTP/1.1
constexpr auto accept_backoff = std::chrono::milliseconds(100);
constexpr auto accept_warning_interval = std::chrono::seconds(10);
// Also how late a read or write past its time is ended (Connection::deadline).
constexpr auto sweep_interval = std::chrono::milliseconds(250);
constexpr int min_worker_threads = 4;
constexpr int default_change_threads = 2;
constexpr int retry_after_busy_seconds = 2;

// The steady clock as the kernel last ticked it (CLOCK_MONOTONIC_COARSE, the clock steady_clock
// reads, a few milliseconds behind): read without the time counter, for times in seconds.
std::chrono::steady_clock::time_point coarse_now() {
    timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
    return std::chrono::steady_clock::time_point(std::chrono::seconds(t.tv_sec) +
                                                 std::chrono::nanoseconds(t.tv_nsec));
}

Method method_of(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return Method::Get;
        case bhttp::verb::head:
            return Method::Head;
        case bhttp::verb::post:
            return Method::Post;
        case bhttp::verb::put:
            return Method::Put;
        default:
            return Method::Other;
    }
}

// `request` made from the parsed `in` (but for its address, id and target), in the room its
// strings and fields kept from the connection's previous request: copying a head then costs no
// allocation.
void read_into(Request& request, bhttp::request<bhttp::string_body>& in) {
    request.method = method_of(in.method());
    request.method_name.assign(in.method_string());
    request.raw_target.assign(in.target());
    std::size_t count = 0;
    for (const auto& field : in) {
        if (count == request.headers.size()) request.headers.emplace_back();
        auto& [name, value] = request.headers[count++];
        assign_lowercase(name, field.name_string());
        value.assign(field.value());
    }
    request.headers.resize(count);
    assign_lowercase(request.host, in[bhttp::field::host]);
    request.body = std::move(in.body());
}

}  // namespace

// A connection as its event loop tracks it: idle (waiting for the first byte of a request) since
// when, so that shutdown and pressure can close the idle ones, and the time by which the read or
// write under way must end. The loop's sweep ends one that overran (cancels it, and marks the
// connection timed out) instead of a timer for each read and write: arming and cancelling one
// cost a trip through the timer queue and the loop for every request.
struct Connection {
    using Clock = std::chrono::steady_clock;
    explicit Connection(tcp::socket s) : socket(std::move(s)) {}
    tcp::socket socket;
    std::optional<Clock::time_point> idle_since;
    Clock::time_point deadline = Clock::time_point::max();
    bool timed_out = false;

    // The read or write about to start must end within `time` (the sweep's interval later at
    // worst).
    void must_end_within(std::chrono::seconds time) { deadline = coarse_now() + time; }
    void must_end_by(Clock::time_point when) { deadline = when; }
    // What became of the read or write just ended: `ec`, or a timeout if the sweep ended it.
    boost::system::error_code ended(boost::system::error_code ec) {
        deadline = Clock::time_point::max();
        return timed_out ? beast::error::timeout : ec;
    }
};

// One event loop per I/O thread. The first accepts and hands each connection to the loop with
// the fewest open (accept_on); a connection then lives on its loop from accept to close, so nothing
// of it is shared between threads: no strand, no lock, no wake-up of another thread to answer a
// cached page.
struct Loop {
    explicit Loop(const AccessLogOptions& log) : access_log(log) {}
    asio::io_context io{1};
    std::unordered_set<Connection*> connections;  // touched only from this loop's thread
    std::atomic<int> open{0};  // its connections, counted from hand-over to close
    AccessLog access_log;      // written by this loop's thread, flushed by its sweep
};

// Threads that run the handler, and the requests waiting for one of them.
struct Lane {
    explicit Lane(int threads) : workers(static_cast<std::size_t>(threads)) {}
    asio::thread_pool workers;
    std::atomic<int> queued{0};
};

struct Server::State {
    State(ServerOptions o, Handler h, FastHandler f)
        : options(std::move(o)),
          handler(std::move(h)),
          fast_handler(std::move(f)),
          pages(worker_count(options)),
          changes(options.change_threads > 0 ? options.change_threads : default_change_threads),
          connections(options.max_connections_per_address, options.max_connections_per_network) {}

    static std::vector<std::unique_ptr<Loop>> make_loops(const ServerOptions& o) {
        std::vector<std::unique_ptr<Loop>> made(static_cast<std::size_t>(io_thread_count(o)));
        for (auto& loop : made) loop = std::make_unique<Loop>(o.access_log);
        return made;
    }

    static int io_thread_count(const ServerOptions& o) {
        return o.threads > 0 ? o.threads
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }

    static int worker_count(const ServerOptions& o) {
        if (o.worker_threads > 0) return o.worker_threads;
        return std::max(min_worker_threads, 2 * io_thread_count(o));
    }

    ServerOptions options;
    Handler handler;
    FastHandler fast_handler;
    std::vector<std::unique_ptr<Loop>> loops = make_loops(options);
    std::size_t next_loop = 0;  // the accepting loop's to touch
    // GET and HEAD, which ask for a page, apart from the methods that change something: a flood
    // of comments or sign-ins, an upload's resizing, or a write waiting for the database's lock
    // holds up only its own kind, never a reader's page.
    Lane pages;
    Lane changes;
    ConnectionCounts connections;
    std::atomic<int> large_bodies_in_flight{0};
    tcp::acceptor acceptor{loops.front()->io};
    asio::signal_set signals{loops.front()->io, SIGINT, SIGTERM};
    std::atomic<bool> stopping{false};
    std::atomic<int> active_sessions{0};
    std::atomic<std::uint64_t> request_counter{0};

    // Unique within the process and readable in a log: "r" and a hex counter.
    std::string next_request_id() {
        char buf[24] = {'r'};
        const auto end = std::to_chars(buf + 1, buf + sizeof buf, ++request_counter, 16).ptr;
        return {buf, end};
    }

    bool under_pressure() const { return active_sessions * 2 > options.max_connections; }

    // On the loop's own thread: closes its connections idle since before `cutoff` (all idle
    // ones when none is given).
    static void close_idle(Loop& loop,
                           std::optional<std::chrono::steady_clock::time_point> cutoff) {
        boost::system::error_code ignored;
        for (Connection* c : loop.connections)
            if (c->idle_since && (!cutoff || *c->idle_since < *cutoff)) c->socket.cancel(ignored);
    }

    // On the loop's own thread: ends the reads and writes past their time.
    static void end_overdue(Loop& loop, std::chrono::steady_clock::time_point now) {
        boost::system::error_code ignored;
        for (Connection* c : loop.connections) {
            if (c->deadline > now) continue;
            c->timed_out = true;
            c->deadline = std::chrono::steady_clock::time_point::max();
            c->socket.cancel(ignored);
        }
    }

    Response respond(const Request& request) {
        try {
            return handler(request);
        } catch (const std::exception& e) {
            spdlog::error("request {} {} {} failed: {}", request.id, request.method_name,
                          request.raw_target, e.what());
        } catch (...) {
            spdlog::error("request {} {} {} failed", request.id, request.method_name,
                          request.raw_target);
        }
        return Response::text(500, "Internal server error\n");
    }

    // The fast handler's answer on this I/O thread, else the handler's on a worker thread.
    asio::awaitable<Response> answer(const Request& request) {
        if (fast_handler) {
            std::optional<Response> fast;
            try {
                fast = fast_handler(request);
            } catch (const std::exception& e) {
                spdlog::warn("request {}: the fast path failed ({}); trying the full one",
                             request.id, e.what());
            }
            if (fast) co_return std::move(*fast);
        }
        Lane& lane =
            request.method == Method::Get || request.method == Method::Head ? pages : changes;
        if (lane.queued >= options.max_queued_requests) {
            Response busy = error_response(503, "Too busy; try again shortly");
            busy.set_header("Retry-After", std::to_string(retry_after_busy_seconds));
            co_return busy;
        }
        ++lane.queued;
        Response response = co_await asio::co_spawn(
            lane.workers,
            [this, &request]() -> asio::awaitable<Response> { co_return respond(request); },
            asio::use_awaitable);
        --lane.queued;
        co_return response;
    }

    // What the server adds to every response, in wire form, made once.
    const std::string server_fields = [this] {
        std::string fields;
        (void)append_fields(fields,
                            {{"Server", "Dateline"},
                             {"Content-Security-Policy", options.content_security_policy},
                             {"X-Content-Type-Options", "nosniff"},
                             {"Referrer-Policy", "strict-origin-when-cross-origin"},
                             {"X-Frame-Options", "DENY"},
                             {"Cross-Origin-Opener-Policy", "same-origin"},
                             {"Permissions-Policy",
                              "camera=(), microphone=(), geolocation=(), interest-cohort=()"}});
        return fields;
    }();

    // The head of `r` in wire form around its shared fields (Response::fields): `before` gets
    // the status line, `after` every other field and the blank line. Both are the connection's
    // own buffers, reused from request to request. False when a field would split the message.
    bool compose_head(std::string& before, std::string& after, const Response& r, bool keep_alive,
                      unsigned version, std::string_view request_id) const {
        before.clear();
        after.clear();
        if (!append_fields(after, r.headers)) return false;
        const auto reason =
            bhttp::obsolete_reason(bhttp::int_to_status(static_cast<unsigned>(r.status)));
        before += version == http_1_1 ? "HTTP/1.1 " : "HTTP/1.0 ";
        before += std::to_string(r.status);
        before += ' ';
        before.append(reason.data(), reason.size());
        before += "\r\n";
        if (!request_id.empty()) {
            after += "X-Request-Id: ";
            after += request_id;
            after += "\r\n";
        }
        after += server_fields;
        after += "Date: ";
        after += current_http_date();
        after += "\r\n";
        // As HTTP/1.1 and 1.0 each say it (RFC 9112 section 9.3).
        if (version == http_1_1 && !keep_alive) after += "Connection: close\r\n";
        if (version != http_1_1 && keep_alive) after += "Connection: keep-alive\r\n";
        // RFC 9110 section 8.6: a 304 may only repeat the 200's length, and a 204 has none.
        // A HEAD response says the length its GET would have.
        if (r.status != 304 && r.status != 204) {
            after += "Content-Length: ";
            after += std::to_string(r.payload().size());
            after += "\r\n";
        }
        after += "\r\n";
        return true;
    }

    // Today's HTTP date, formatted once a second per thread. The coarse clock (the kernel's last
    // tick) is enough for a date in seconds and costs less than reading the time counter.
    static std::string_view current_http_date() {
        thread_local UnixTime second = -1;
        thread_local std::string formatted;
        timespec t{};
        ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
        const auto now = static_cast<UnixTime>(t.tv_sec);
        if (now != second) {
            second = now;
            formatted = format_http_date(now);
        }
        return formatted;
    }

    // Writes what the socket takes of `parts` now, without waiting: most responses fit its
    // buffer whole, and written here they cost no trip through the loop. The bytes written;
    // none when the buffer is full.
    template <std::size_t N>
    static std::pair<boost::system::error_code, std::size_t> write_now(
        tcp::socket& socket, const std::array<asio::const_buffer, N>& parts, int flags = 0) {
        std::array<iovec, N> vectors{};
        for (std::size_t i = 0; i < N; ++i)
            vectors[i] = {const_cast<void*>(parts[i].data()), parts[i].size()};
        msghdr message{};
        message.msg_iov = vectors.data();
        message.msg_iovlen = N;
        for (;;) {
            const auto n =
                ::sendmsg(socket.native_handle(), &message, flags | MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n >= 0) return {{}, static_cast<std::size_t>(n)};
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return {{}, 0};
            return {boost::system::error_code(errno, boost::system::system_category()), 0};
        }
    }

    // Writes what is left of `parts` after its first `written` bytes, waiting for the reader as
    // long as `deadline` allows.
    template <std::size_t N>
    asio::awaitable<boost::system::error_code> write_rest(
        Connection& c, std::array<asio::const_buffer, N> parts, std::size_t written,
        std::chrono::steady_clock::time_point deadline) {
        for (auto& part : parts) {
            const auto taken = std::min(written, part.size());
            part += taken;
            written -= taken;
        }
        c.must_end_by(deadline);
        auto [ec, bytes] = co_await asio::async_write(c.socket, parts, use_nothrow);
        co_return c.ended(ec);
    }

    // Writes `r` (its body from where it is held: its own string, or a kept page's, shared).
    // A response whose own fields would split the message goes out as a 500 instead.
    asio::awaitable<boost::system::error_code> send(Connection& c, const Response& r, bool head,
                                                    bool keep_alive, unsigned version,
                                                    std::string_view request_id,
                                                    std::string& before, std::string& after) {
        const Response* sent = &r;
        Response refused;
        if (!compose_head(before, after, r, keep_alive, version, request_id)) {
            spdlog::error("request {}: a response header holds a line break; sent 500 instead",
                          request_id);
            refused = error_response(500, "Internal server error");
            sent = &refused;
            (void)compose_head(before, after, refused, keep_alive, version, request_id);
        }
        const auto& fields = sent->fields.parts;
        const std::string_view body = head ? std::string_view() : sent->payload();
        const std::array<asio::const_buffer, 4> head_buffers{
            asio::buffer(before), asio::buffer(fields[0].data(), fields[0].size()),
            asio::buffer(fields[1].data(), fields[1].size()), asio::buffer(after)};
        if (sent->shared_body.fd >= 0 && body.size() >= sendfile_min_bytes)
            co_return co_await send_from_file(c, head_buffers, sent->shared_body);
        const std::array<asio::const_buffer, 5> buffers{head_buffers[0], head_buffers[1],
                                                        head_buffers[2], head_buffers[3],
                                                        asio::buffer(body.data(), body.size())};
        const auto [ec, written] = write_now(c.socket, buffers);
        if (ec || written == asio::buffer_size(buffers)) co_return ec;
        co_return co_await write_rest(c, buffers, written, coarse_now() + options.read_timeout);
    }

    // Sends the head, then the body from its file with sendfile(2): the kernel takes the file's
    // pages as they are, where a write copies the body into the socket's buffer. The head goes
    // with MSG_MORE, so that it leaves with the body rather than in a packet of its own. The
    // whole response has the time a write has (read_timeout).
    asio::awaitable<boost::system::error_code> send_from_file(
        Connection& c, const std::array<asio::const_buffer, 4>& head,
        const Response::SharedBody& body) {
        const auto deadline = coarse_now() + options.read_timeout;
        const auto [ec, written] = write_now(c.socket, head, MSG_MORE);
        if (ec) co_return ec;
        if (written < asio::buffer_size(head))  // the socket's buffer is full
            if (auto write_error = co_await write_rest(c, head, written, deadline))
                co_return write_error;
        auto offset = static_cast<off_t>(body.offset);
        std::size_t left = body.bytes.size();
        while (left > 0) {
            const auto n = ::sendfile(c.socket.native_handle(), body.fd, &offset, left);
            if (n > 0) {
                left -= static_cast<std::size_t>(n);
                continue;
            }
            if (n == 0) co_return asio::error::eof;  // the file ends early: never for a kept body
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                co_return boost::system::error_code(errno, boost::system::system_category());
            c.must_end_by(deadline);
            auto [wait_error] = co_await c.socket.async_wait(tcp::socket::wait_write, use_nothrow);
            if (auto waited = c.ended(wait_error)) co_return waited;
        }
        co_return boost::system::error_code{};
    }

    static Response error_response(int status, std::string_view text) {
        return Response::text(status, std::string(text) + "\n");
    }

    // Answers a request that cannot be served and whose connection must close.
    asio::awaitable<void> refuse(Connection& c, int status, std::string_view text,
                                 const std::string& remote_address, std::string_view why) {
        const auto started = std::chrono::steady_clock::now();
        const Response r = error_response(status, text);
        std::string before;
        std::string after;
        co_await send(c, r, false, false, http_1_1, {}, before, after);
        if (options.on_response)
            options.on_response(Request{}, r, std::chrono::steady_clock::now() - started);
        spdlog::info("{} - - {} ({})", logged_address(remote_address, options.access_log.addresses),
                     status, why);
    }

    asio::awaitable<void> session(Loop& loop, tcp::socket socket, std::string remote_address,
                                  std::string network) {
        Connection connection{std::move(socket)};
        // Each response leaves in one write (or a head held with MSG_MORE for its body), so
        // Nagle's algorithm could only hold a response's end back for the reader's ACK.
        boost::system::error_code ignored;
        connection.socket.set_option(tcp::no_delay(true), ignored);
        // Responses are written here first (write_now, sendfile), never blocking the loop.
        connection.socket.native_non_blocking(true, ignored);
        loop.connections.insert(&connection);
        beast::flat_buffer buffer;
        Request request;          // each request is read into it (read_into)
        std::string head_before;  // each response's head is composed here (send)
        std::string head_after;
        bool first = true;
        // The reader's address as the log keeps it: the peer's, made once, unless the peer is a
        // proxy of ours, whose requests each name their reader.
        const bool from_proxy =
            std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(),
                      remote_address) != options.trusted_proxies.end();
        const std::string peer_logged =
            logged_address(remote_address, options.access_log.addresses);
        while (!stopping) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
            // Beast checks a declared Content-Length against the limit as the header ends: the
            // larger one applies until the target is known, then each target gets its own.
            parser.body_limit(options.large_bodies ? std::max(options.max_body_bytes,
                                                              options.large_bodies->max_body_bytes)
                                                   : options.max_body_bytes);
            if (buffer.size() == 0) {
                // Idle until the first byte of the next request: only then is the connection
                // busy, so a shutdown closes idle connections but answers a request that has
                // begun to arrive.
                connection.must_end_within(first ? options.read_timeout : options.idle_timeout);
                connection.idle_since = coarse_now();
                if (stopping) break;
                auto [wait_error, arrived] = co_await connection.socket.async_read_some(
                    buffer.prepare(first_read_bytes), use_nothrow);
                connection.idle_since.reset();
                if (connection.ended(wait_error)) break;
                buffer.commit(arrived);
            }
            first = false;
            // A request's head nearly always arrives whole, in the first read: parsed here, it
            // costs no composed read, whose completion Beast posts (a trip through the loop's
            // queue) even when it read nothing.
            beast::error_code ec;
            buffer.consume(parser.put(buffer.data(), ec));
            if (ec == bhttp::error::need_more) ec = {};
            if (!ec && !parser.is_header_done()) {
                connection.must_end_within(options.read_timeout);
                auto [header_error, bytes] = co_await bhttp::async_read_header(
                    connection.socket, buffer, parser, use_nothrow);
                ec = connection.ended(header_error);
            }
            // An upload's body may be larger and slower, while few of them are read at once.
            std::optional<LargeBodySlot> large;
            if (!ec && options.large_bodies &&
                options.large_bodies->accepts(head_of(parser.get()))) {
                large.emplace(large_bodies_in_flight);
                if (large->count > options.large_bodies->max_in_flight) {
                    co_await refuse(connection, 503, "Too many uploads at once; try again shortly",
                                    remote_address, "uploads at capacity");
                    break;
                }
                connection.must_end_within(options.large_bodies->read_timeout);
            } else if (!ec && options.large_bodies) {
                // Any other target keeps the usual limit: for a declared length here, for
                // chunks as they come.
                if (const auto length = parser.content_length();
                    length && *length > options.max_body_bytes)
                    ec = bhttp::error::body_limit;
                else
                    parser.body_limit(options.max_body_bytes);
            }
            if (!ec && !parser.is_done()) {  // done at the head for a request without a body
                // The body's own time, not what the idle wait or the last write left over.
                if (!large) connection.must_end_within(options.read_timeout);
                auto [body_error, body_bytes] =
                    co_await bhttp::async_read(connection.socket, buffer, parser, use_nothrow);
                ec = connection.ended(body_error);
            }
            large.reset();
            if (ec) {
                int status = 0;
                if (ec == bhttp::error::header_limit)
                    status = 431;
                else if (ec == bhttp::error::body_limit)
                    status = 413;
                else if (ec.category() ==
                             bhttp::make_error_code(bhttp::error::bad_target).category() &&
                         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
                    status = 400;
                if (status)
                    co_await refuse(connection, status,
                                    status == 431   ? "Request headers too large"
                                    : status == 413 ? "Request body too large"
                                                    : "Bad request",
                                    remote_address, "unparsed request");
                break;
            }
            const auto started = std::chrono::steady_clock::now();
            auto& in = parser.get();
            if (const auto framing = check_message_framing(in); framing != Framing::Ok) {
                // Whatever follows on this connection may be the rest of this request.
                if (framing == Framing::NotImplemented)
                    co_await refuse(connection, 501, "Transfer coding not implemented",
                                    remote_address, "refused framing");
                else
                    co_await refuse(connection, 400, "Bad request: ambiguous message length",
                                    remote_address, "refused framing");
                break;
            }
            read_into(request, in);
            request.remote_address = remote_address;
            request.id = next_request_id();
            const bool head = request.method == Method::Head;

            Response response;
            // RFC 9112 section 3.2: an HTTP/1.1 request has exactly one Host header.
            const auto hosts = std::count_if(in.begin(), in.end(), [](const auto& field) {
                return field.name() == bhttp::field::host;
            });
            if (in.version() == http_1_1 && hosts != 1) {
                response = error_response(400, "Bad request: one Host header is required");
            } else if (request.raw_target.size() > options.max_target_bytes) {
                response = error_response(414, "Request target too long");
            } else if (parse_target(request.raw_target, request.target)) {
                response = co_await answer(request);
            } else {
                response = error_response(400, "Bad request target");
            }
            const bool keep_alive = in.keep_alive() && !stopping;
            const int status = response.status;
            const std::string_view cache = response.cache;
            const auto body_bytes = head ? 0 : response.payload().size();
            const auto write_error =
                co_await send(connection, response, head, keep_alive, in.version(), request.id,
                              head_before, head_after);
            const auto took = std::chrono::steady_clock::now() - started;
            if (options.on_response) options.on_response(request, response, took);
            const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
            const std::string reader_logged =
                from_proxy ? logged_address(client_address(request, options.trusted_proxies),
                                            options.access_log.addresses)
                           : std::string();
            loop.access_log.record({.request_id = request.id,
                                    .address = from_proxy ? reader_logged : peer_logged,
                                    .method = request.method_name,
                                    .target = request.raw_target,
                                    .status = status,
                                    .body_bytes = body_bytes,
                                    .micros = micros,
                                    .cache = cache});
            if (write_error || !keep_alive) break;
        }
        loop.connections.erase(&connection);
        --loop.open;
        connection.socket.shutdown(tcp::socket::shutdown_send, ignored);
        connection.socket.close(ignored);
        if (!network.empty()) connections.release(remote_address, network);
        --active_sessions;
    }

    // Starts a session on the loop with the fewest connections (the next in turn among equals):
    // the socket moves to that loop's thread. In turn alone, one loop could hold a burst of
    // busy connections while another idled.
    void hand_over(tcp::socket socket, std::string address, std::string network) {
        Loop* chosen = nullptr;
        for (std::size_t i = 0; i < loops.size(); ++i) {
            Loop* candidate = loops[(next_loop + i) % loops.size()].get();
            if (!chosen || candidate->open < chosen->open) chosen = candidate;
        }
        ++next_loop;
        Loop& loop = *chosen;
        ++loop.open;
        if (&loop == loops.front().get()) {
            asio::co_spawn(loop.io,
                           session(loop, std::move(socket), std::move(address), std::move(network)),
                           asio::detached);
            return;
        }
        // A connection that cannot move is closed, and forgotten as if it had ended.
        const auto drop = [this, &loop](const std::string& a, const std::string& n) {
            if (!n.empty()) connections.release(a, n);
            --active_sessions;
            --loop.open;
        };
        boost::system::error_code ec;
        const auto protocol = socket.local_endpoint(ec).protocol();
        const auto fd = ec ? -1 : socket.release(ec);
        if (ec) {
            drop(address, network);
            return;
        }
        asio::post(loop.io, [this, &loop, drop, protocol, fd, address = std::move(address),
                             network = std::move(network)]() mutable {
            tcp::socket moved(loop.io);
            boost::system::error_code assign_error;
            moved.assign(protocol, fd, assign_error);
            if (assign_error) {
                ::close(fd);
                drop(address, network);
                return;
            }
            asio::co_spawn(loop.io,
                           session(loop, std::move(moved), std::move(address), std::move(network)),
                           asio::detached);
        });
    }

    asio::awaitable<void> accept_loop() {
        asio::steady_timer pause(loops.front()->io);
        auto last_warning = std::chrono::steady_clock::time_point{};
        while (!stopping) {
            auto [ec, socket] = co_await acceptor.async_accept(use_nothrow);
            if (ec) {
                if (stopping || ec == asio::error::operation_aborted) break;
                // Out of descriptors or memory: retrying at once would spin and flood the log.
                const auto now = std::chrono::steady_clock::now();
                if (now - last_warning > accept_warning_interval) {
                    spdlog::warn("accept failed: {}; pausing new connections briefly",
                                 ec.message());
                    last_warning = now;
                }
                pause.expires_after(accept_backoff);
                co_await pause.async_wait(use_nothrow);
                continue;
            }
            // Beyond a limit a connection is closed at once, before it costs anything.
            boost::system::error_code ignored;
            const auto peer = socket.remote_endpoint(ignored);
            if (ignored || active_sessions >= options.max_connections) {
                socket.close(ignored);
                continue;
            }
            std::string address =
                canonical_ip(peer.address().to_string()).value_or(peer.address().to_string());
            std::string network;  // empty: not counted (a trusted proxy)
            if (std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(),
                          address) == options.trusted_proxies.end()) {
                network = ip_network(address);
                if (!connections.admit(address, network)) {
                    socket.close(ignored);
                    continue;
                }
            }
            ++active_sessions;
            hand_over(std::move(socket), std::move(address), std::move(network));
        }
    }

    // Writes the loop's access log at least four times a second and ends the reads and writes
    // past their time; under pressure, connections that have sent nothing for a while make room
    // for others.
    asio::awaitable<void> sweep_loop(Loop& loop) {
        asio::steady_timer timer(loop.io);
        while (!stopping) {
            timer.expires_after(sweep_interval);
            co_await timer.async_wait(use_nothrow);
            loop.access_log.flush();
            const auto now = std::chrono::steady_clock::now();
            end_overdue(loop, now);
            if (stopping || !under_pressure()) continue;
            close_idle(loop, now - options.pressure_idle_timeout);
        }
    }

    // Each loop closes its idle connections on its own thread.
    void close_idle_everywhere() {
        for (auto& loop : loops)
            asio::post(loop->io, [&l = *loop] { close_idle(l, std::nullopt); });
    }

    // SIGINT and SIGTERM stop the server; SIGHUP, when it reloads, has a worker reload and
    // waits for the next signal.
    void wait_for_signal() {
        signals.async_wait([this](const boost::system::error_code& ec, int signal) {
            if (ec) return;
            if (signal != SIGHUP) {
                begin_shutdown();
                return;
            }
            asio::post(changes.workers, [this] { options.on_reload(); });
            wait_for_signal();
        });
    }

    void begin_shutdown() {
        if (stopping.exchange(true)) return;
        asio::post(loops.front()->io, [this] {
            spdlog::info("shutting down: finishing {} connection(s)", active_sessions.load());
            boost::system::error_code ignored;
            acceptor.close(ignored);
            signals.cancel(ignored);
            wait_for_sessions(std::chrono::steady_clock::now() + options.shutdown_grace);
        });
    }

    // Until every session ended or the grace period is over; idle connections are closed again
    // each round, as requests in flight finish and their connections fall idle.
    void wait_for_sessions(std::chrono::steady_clock::time_point deadline) {
        if (active_sessions == 0 || std::chrono::steady_clock::now() >= deadline) {
            for (auto& loop : loops) loop->io.stop();
            return;
        }
        close_idle_everywhere();
        auto timer = std::make_shared<asio::steady_timer>(loops.front()->io, shutdown_poll);
        timer->async_wait([this, timer, deadline](auto) { wait_for_sessions(deadline); });
    }
};

Server::Server(ServerOptions options, Handler handler, FastHandler fast)
    : state_(std::make_unique<State>(std::move(options), std::move(handler), std::move(fast))) {}

Server::~Server() = default;

Status Server::listen() {
    // Each connection is a descriptor: use every one the system lets this process have.
    state_->options.max_connections = connections_that_fit(state_->options.max_connections);
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(state_->options.host, ec);
    if (ec) return Error::invalid("'" + state_->options.host + "' is not an IP address.", "listen");
    const tcp::endpoint endpoint(address, state_->options.port);
    auto& acceptor = state_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return Error::unavailable("Cannot listen on " + state_->options.host + ":" +
                                      std::to_string(state_->options.port) + ": " + ec.message() +
                                      ".",
                                  ec.message());
    return success();
}

std::uint16_t Server::port() const {
    return state_->acceptor.local_endpoint().port();
}

void Server::run() {
    auto& s = *state_;
    // sendfile(2) has no MSG_NOSIGNAL: a reader gone mid-body would raise SIGPIPE, whose default
    // ends the process. Ignored, the send fails with EPIPE and only that connection ends.
    std::signal(SIGPIPE, SIG_IGN);
    if (s.options.on_reload) s.signals.add(SIGHUP);
    s.wait_for_signal();
    asio::co_spawn(s.loops.front()->io, s.accept_loop(), asio::detached);
    for (auto& loop : s.loops) asio::co_spawn(loop->io, s.sweep_loop(*loop), asio::detached);
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < s.loops.size(); ++i)
        threads.emplace_back([&loop = *s.loops[i]] { loop.io.run(); });
    s.loops.front()->io.run();
    for (auto& t : threads) t.join();
    s.pages.workers.join();
    s.changes.workers.join();
}

void Server::stop() {
    state_->begin_shutdown();
}

}  // namespace dateline::http
