#include "metrics/registry.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>

namespace dateline::metrics {

namespace {

// From a cached page (a tenth of a millisecond) to a slow render under load (seconds).
const prometheus::Histogram::BucketBoundaries request_buckets{
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
const prometheus::Histogram::BucketBoundaries render_buckets{
    0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

constexpr std::array<std::string_view, 3> known_methods{"GET", "HEAD", "POST"};

std::size_t method_index(std::string_view method) {
    for (std::size_t i = 0; i < known_methods.size(); ++i)
        if (known_methods[i] == method) return i;
    return known_methods.size();
}

std::string method_label(std::size_t index) {
    return index < known_methods.size() ? std::string(known_methods[index]) : "other";
}

std::string route_label(std::string_view route) {
    return route.empty() ? "none" : std::string(route);
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// Each registry's number, so that a thread's memo never mistakes a new registry for a destroyed
// one at the same address.
std::atomic<std::uint64_t> registries{0};

// A route, by where its name lives (route names outlive the registry), with what else labels it.
struct SeriesKey {
    std::uint64_t registry;
    const char* route;
    std::size_t route_size;
    std::size_t method;
    int status;
    bool operator==(const SeriesKey&) const = default;
};

struct SeriesKeyHash {
    std::size_t operator()(const SeriesKey& k) const {
        std::size_t h = std::hash<const void*>()(k.route);
        for (const std::size_t part : {static_cast<std::size_t>(k.registry), k.route_size, k.method,
                                       static_cast<std::size_t>(k.status)})
            h = h * 1000003u ^ part;
        return h;
    }
};

struct RequestSeries {
    prometheus::Counter* count;
    prometheus::Histogram* duration;
};

// Families are found by their labels under a lock; each thread remembers what it found, so that
// a request costs its atomic additions and no lock.
thread_local std::unordered_map<SeriesKey, RequestSeries, SeriesKeyHash> request_memo;
thread_local std::unordered_map<SeriesKey, prometheus::Histogram*, SeriesKeyHash> render_memo;

// Collects what the collectors report into metric families, in the order first reported.
class FamilySink final : public Sink {
  public:
    void counter(std::string_view name, std::string_view help, double value,
                 const Labels& labels) override {
        add(name, help, prometheus::MetricType::Counter, labels).counter.value = value;
    }
    void gauge(std::string_view name, std::string_view help, double value,
               const Labels& labels) override {
        add(name, help, prometheus::MetricType::Gauge, labels).gauge.value = value;
    }
    std::vector<prometheus::MetricFamily> families;

  private:
    prometheus::ClientMetric& add(std::string_view name, std::string_view help,
                                  prometheus::MetricType type, const Labels& labels) {
        auto found = index_.find(std::string(name));
        if (found == index_.end()) {
            found = index_.emplace(std::string(name), families.size()).first;
            families.push_back({std::string(name), std::string(help), type, {}});
        }
        auto& metric = families[found->second].metric.emplace_back();
        for (const auto& [label, value] : labels) metric.label.push_back({label, value});
        return metric;
    }
    std::map<std::string, std::size_t> index_;
};

}  // namespace

struct Registry::State {
    const std::uint64_t id = ++registries;
    prometheus::Registry registry;
    prometheus::Family<prometheus::Counter>& requests =
        prometheus::BuildCounter()
            .Name("dateline_http_requests_total")
            .Help("Responses written, by route, method and status.")
            .Register(registry);
    prometheus::Family<prometheus::Histogram>& request_seconds =
        prometheus::BuildHistogram()
            .Name("dateline_http_request_duration_seconds")
            .Help("Time from a request read to its response written, by route.")
            .Register(registry);
    prometheus::Family<prometheus::Histogram>& render_seconds =
        prometheus::BuildHistogram()
            .Name("dateline_page_render_duration_seconds")
            .Help("Time to render a page the cache did not have, by route.")
            .Register(registry);
    mutable std::mutex collectors_mutex;
    std::vector<std::function<void(Sink&)>> collectors;
};

Registry::Registry() : state_(std::make_unique<State>()) {}

Registry::~Registry() = default;

void Registry::observe_request(std::string_view route, std::string_view method, int status,
                               std::chrono::steady_clock::duration took) {
    const SeriesKey key{state_->id, route.data(), route.size(), method_index(method), status};
    auto found = request_memo.find(key);
    if (found == request_memo.end()) {
        const std::string name = route_label(route);
        auto& count = state_->requests.Add({{"route", name},
                                            {"method", method_label(key.method)},
                                            {"status", std::to_string(status)}});
        auto& duration = state_->request_seconds.Add({{"route", name}}, request_buckets);
        found = request_memo.emplace(key, RequestSeries{&count, &duration}).first;
    }
    found->second.count->Increment();
    found->second.duration->Observe(seconds(took));
}

void Registry::observe_render(std::string_view route, std::chrono::steady_clock::duration took) {
    const SeriesKey key{state_->id, route.data(), route.size(), 0, 0};
    auto found = render_memo.find(key);
    if (found == render_memo.end())
        found = render_memo
                    .emplace(key, &state_->render_seconds.Add({{"route", route_label(route)}},
                                                              render_buckets))
                    .first;
    found->second->Observe(seconds(took));
}

void Registry::add_collector(std::function<void(Sink&)> collect) {
    std::lock_guard lock(state_->collectors_mutex);
    state_->collectors.push_back(std::move(collect));
}

std::string Registry::exposition() const {
    auto families = state_->registry.Collect();
    FamilySink sink;
    {
        std::lock_guard lock(state_->collectors_mutex);
        for (const auto& collect : state_->collectors) collect(sink);
    }
    for (auto& family : sink.families) families.push_back(std::move(family));
    return prometheus::TextSerializer().Serialize(families);
}

}  // namespace dateline::metrics
