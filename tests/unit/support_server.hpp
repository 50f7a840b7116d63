#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <thread>
#include <utility>

#include "http/server.hpp"

namespace dateline::testing_support {

/// An http::Server on an ephemeral port of 127.0.0.1, serving on a thread of its own from
/// construction, stopped gracefully when this ends. A class whose handler reads its own members
/// declares this after them, so that the server stops before they go.
class RunningServer {
  public:
    RunningServer(http::ServerOptions options, http::Handler handler) {
        options.port = 0;
        server_ = std::make_unique<http::Server>(std::move(options), std::move(handler));
        EXPECT_TRUE(server_->listen());
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    std::uint16_t port() const { return server_->port(); }

  private:
    std::unique_ptr<http::Server> server_;
    std::thread thread_;
};

}  // namespace dateline::testing_support
