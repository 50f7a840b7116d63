#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace dateline::http {

/// Limits and shape of the server. Every limit has a safe default.
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  ///< 0: an ephemeral port, reported by Server::port()
    int threads = 0;            ///< 0: one per core
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_target_bytes = 4096;
    int max_connections = 10000;  ///< open connections beyond this are closed at once
    std::chrono::seconds read_timeout{15};
    std::chrono::seconds idle_timeout{30};
    std::chrono::seconds shutdown_grace{10};
    /// Content-Security-Policy sent with every response (no 'unsafe-inline').
    std::string content_security_policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'";
};

/// An HTTP/1.1 server (Boost.Beast on Asio, C++20 coroutines): keep-alive, HEAD, limits on
/// header size, body size, target length and read time, an access log line per request, the
/// security headers on every response, and a graceful stop on SIGINT/SIGTERM that lets requests
/// in flight finish within the grace period. Sessions only do I/O; `handler` makes responses.
class Server {
  public:
    Server(ServerOptions options, Handler handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket. Fails with a clear message when the address is taken.
    Status listen();
    /// The bound port (useful with port 0), valid after listen().
    std::uint16_t port() const;
    /// Serves until SIGINT/SIGTERM or stop(); returns after the graceful shutdown.
    void run();
    /// Asks a running server to stop gracefully; safe from any thread.
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace dateline::http
