#include "cli/service_manager.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

namespace dateline::cli::service_manager {

namespace {

void notify(const std::string& state) {
    // 0: not started by a service manager; negative: its socket refused the message, which
    // systemd then notices itself by the start timeout.
    if (const int sent = sd_notify(0, state.c_str()); sent < 0)
        spdlog::warn("could not tell the service manager '{}' (error {})", state, -sent);
}

}  // namespace

void ready(const std::string& status) {
    notify("READY=1\nSTATUS=" + status);
}

void reloading() {
    notify("RELOADING=1\nSTATUS=Loading the theme again");
}

void stopping() {
    notify("STOPPING=1\nSTATUS=Finishing the requests in flight");
}

}  // namespace dateline::cli::service_manager
