#pragma once

// What `serve` tells the service manager that started it (systemd's notify protocol, for a
// unit of Type=notify: packaging/dateline.service). Each call does nothing when the process was
// not started that way (no NOTIFY_SOCKET). Internal to cli.

#include <string>

namespace dateline::cli::service_manager {

/// The server listens and every part of it runs: units ordered after it may start. `status` is
/// shown by `systemctl status`.
void ready(const std::string& status);
/// The server is stopping: finishing requests in flight and writing what it keeps in memory.
void stopping();
/// The server reads its configuration again (SIGHUP); ready() says when it is done.
void reloading();

}  // namespace dateline::cli::service_manager
