#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;

/// What a collector reports at a scrape: values the components keep themselves (a counter of
/// cache hits, the connections in use), read only when someone asks.
class Sink {
  public:
    virtual ~Sink() = default;
    /// A value that only grows (a count, seconds spent); `name` ends in `_total`.
    virtual void counter(std::string_view name, std::string_view help, double value,
                         const Labels& labels = {}) = 0;
    /// A value that goes up and down (bytes kept, connections in use).
    virtual void gauge(std::string_view name, std::string_view help, double value,
                       const Labels& labels = {}) = 0;
    /// One counter per value of `label` ("outcome": hit, miss, ...).
    void counters(std::string_view name, std::string_view help, std::string_view label,
                  std::initializer_list<std::pair<std::string_view, std::uint64_t>> values) {
        for (const auto& [value_of_label, n] : values)
            counter(name, help, static_cast<double>(n),
                    {{std::string(label), std::string(value_of_label)}});
    }
};

/// What the server counts, exposed in the Prometheus text format (prometheus-cpp underneath).
/// Requests and renders are observed as they happen, at the cost of a few atomic additions;
/// everything else is read from its owner at scrape time through collectors. Safe to share
/// between threads.
class Registry {
  public:
    Registry();
    ~Registry();
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;

    /// A response written: counted by route, method and status, timed by route. `route` is a
    /// route table's pattern (empty: no route answered) and must outlive the registry, as the
    /// route tables do; `method` is the request's ("GET", "HEAD", "POST", anything else counts
    /// as "other").
    void observe_request(std::string_view route, std::string_view method, int status,
                         std::chrono::steady_clock::duration took);
    /// A page rendered rather than served from the cache, by route (same contract).
    void observe_render(std::string_view route, std::chrono::steady_clock::duration took);

    /// Adds what `collect` reports at every scrape; it is called from the scraping thread until
    /// the registry is destroyed.
    void add_collector(std::function<void(Sink&)> collect);

    /// Every metric, in the Prometheus text exposition format 0.0.4.
    std::string exposition() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

/// The Content-Type of Registry::exposition().
inline constexpr const char* exposition_content_type = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace dateline::metrics
