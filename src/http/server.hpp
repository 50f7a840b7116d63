#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/access_log.hpp"
#include "http/message.hpp"

namespace dateline::http {

/// Limits and shape of the server. Every limit has a safe default.
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  ///< 0: an ephemeral port, reported by Server::port()
    int threads = 0;            ///< I/O threads; 0: one per core
    /// Threads that run the (blocking) handler for GET and HEAD; 0: twice the I/O threads, at
    /// least four.
    int worker_threads = 0;
    /// Threads that run it for every other method (comments, sign-ins, uploads, the newsroom's
    /// saves), apart, so that a flood of them or a write waiting for the database never holds
    /// up a page; 0: two.
    int change_threads = 0;
    /// Requests waiting for a worker at most, of each of the two kinds; beyond it a request gets
    /// 503 at once, so that a flood of expensive requests queues nothing unbounded.
    int max_queued_requests = 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;
    /// Requests whose head `accepts` may carry a larger body (uploads), read within a longer
    /// time; at most `max_in_flight` such bodies are read at once, and a request beyond that
    /// gets 503 before its body is read, so that large bodies cannot exhaust memory.
    struct LargeBodies {
        std::function<bool(const RequestHead&)> accepts;
        std::size_t max_body_bytes = 0;
        std::chrono::seconds read_timeout{120};
        int max_in_flight = 4;
    };
    std::optional<LargeBodies> large_bodies;
    std::size_t max_target_bytes = 4096;
    int max_connections = 10000;  ///< open connections beyond this are closed at once
    /// Open connections from one address, and from one IP network (an IPv4 /24, an IPv6 /64),
    /// beyond which new ones are closed at once. Carrier-grade NAT puts many phones behind one
    /// address, hence limits well above what one browser opens (six or so).
    int max_connections_per_address = 256;
    int max_connections_per_network = 1024;
    /// Peers exempt from the per-address and per-network limits (canonical addresses): the
    /// proxies in front of the server, whose connections carry many readers.
    std::vector<std::string> trusted_proxies;
    std::chrono::seconds read_timeout{15};
    std::chrono::seconds idle_timeout{30};
    /// Under pressure (more than half of max_connections open), a connection waiting for the
    /// first byte of a request longer than this is closed, oldest first, to make room.
    std::chrono::seconds pressure_idle_timeout{2};
    std::chrono::seconds shutdown_grace{10};
    /// Called on a worker thread for each SIGHUP while serving (a service manager's reload);
    /// when empty, SIGHUP is left as it was.
    std::function<void()> on_reload;
    /// The access log's format and how much of a reader's address it keeps (behind a trusted
    /// proxy, the reader its X-Forwarded-For names).
    AccessLogOptions access_log;
    /// Called on an I/O thread after each response is written (also the server's own refusals,
    /// with an empty request): what was asked, what was answered, and the time from the request
    /// read to the response written. Must be cheap and must not throw.
    std::function<void(const Request&, const Response&, std::chrono::steady_clock::duration)>
        on_response;
    /// Content-Security-Policy sent with every response (no 'unsafe-inline').
    std::string content_security_policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'";
};

/// An HTTP/1.1 server (Boost.Beast on Asio, C++20 coroutines): keep-alive, HEAD, limits on
/// header size, body size, target length, read time and connections per address and network,
/// requests whose framing could smuggle another refused (RFC 9112 section 6), an access log line
/// per request, the security headers on every response, a reload on SIGHUP (on_reload), and a
/// graceful stop on SIGINT/SIGTERM
/// that lets requests in flight finish within the grace period. Sessions only do I/O: `fast`
/// answers on the I/O threads what it can without blocking (cached pages, files), and `handler`
/// answers the rest on worker threads, so that slow requests never hold up cached ones, and
/// requests that change something on threads of their own, so that they never hold up a page.
class Server {
  public:
    Server(ServerOptions options, Handler handler, FastHandler fast = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket. Fails with a clear message when the address is taken.
    Status listen();
    /// The bound port (useful with port 0), valid after listen().
    std::uint16_t port() const;
    /// Serves until SIGINT/SIGTERM or stop(); returns after the graceful shutdown. Ignores
    /// SIGPIPE for the whole process: a reader who leaves mid-response ends only their
    /// connection.
    void run();
    /// Asks a running server to stop gracefully; safe from any thread.
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace dateline::http
