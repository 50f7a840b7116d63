#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::cache {

class BodyFile;

/// Bodies kept together in a stretch of the body file, mapped read-only: their bytes in memory
/// for whoever reads them, and their place in the file for the kernel to send them from
/// (sendfile(2)). Letting go of the last owner unmaps the stretch and gives its memory back.
class KeptBodies {
  public:
    ~KeptBodies();
    KeptBodies(const KeptBodies&) = delete;
    KeptBodies& operator=(const KeptBodies&) = delete;

    std::string_view bytes(std::size_t i) const { return bodies_[i]; }
    /// Where body `i` starts in the file.
    std::int64_t offset(std::size_t i) const {
        return start_ + (bodies_[i].data() - static_cast<const char*>(map_));
    }
    /// The file's descriptor, open for as long as this lives.
    int fd() const;
    /// The memory the stretch takes: its bodies rounded up to whole pages.
    std::size_t footprint() const { return length_; }

  private:
    friend class BodyFile;
    KeptBodies() = default;

    std::shared_ptr<BodyFile> file_;
    std::int64_t start_ = 0;
    std::size_t length_ = 0;
    void* map_ = nullptr;
    std::vector<std::string_view> bodies_;
};

/// How far a BodyFile may go; beyond either, keep() answers null and bodies stay in the heap.
struct BodyFileLimits {
    /// Stretches kept at once, each a mapping of the process; 0: a quarter of what the system
    /// allows a process (vm.max_map_count), the rest left to the heap, threads and libraries,
    /// whose own mappings would fail beyond it.
    std::int64_t max_stretches = 0;
    /// Where the file may reach; 0: the process's file size limit (RLIMIT_FSIZE, whose excess
    /// would raise SIGXFSZ), or none.
    std::int64_t max_size = 0;
};

/// An anonymous file in memory (memfd_create(2)) that keeps the page cache's bodies, so that the
/// server hands a large body to the kernel with sendfile(2) instead of copying it into the
/// socket's buffer, as nginx sends a file. Each keep() writes to a new stretch of the file, never
/// one used before: a stretch is given back by punching a hole in it, and a send still in flight
/// holds on to the pages it reads, so no reader ever gets another page's bytes. The file's size
/// grows without bound while the memory it holds is only what is kept. Safe to share between
/// threads.
class BodyFile : public std::enable_shared_from_this<BodyFile> {
  public:
    /// Null, and why in `error`, when the system gives no such file; the cache then keeps its
    /// bodies on the heap.
    static std::shared_ptr<BodyFile> create(std::string& error, BodyFileLimits limits = {});
    ~BodyFile();
    BodyFile(const BodyFile&) = delete;
    BodyFile& operator=(const BodyFile&) = delete;

    /// The bodies written one after another into a new stretch; null when the file cannot take
    /// them (its limits, no memory left), with nothing of them left behind.
    std::shared_ptr<const KeptBodies> keep(std::initializer_list<std::string_view> bodies);

    int fd() const { return fd_; }

  private:
    friend class KeptBodies;
    BodyFile(int fd, BodyFileLimits limits) : fd_(fd), limits_(limits) {}

    int fd_;
    BodyFileLimits limits_;
    std::atomic<std::int64_t> next_{0};       // where the next stretch starts
    std::atomic<std::int64_t> stretches_{0};  // kept now
};

}  // namespace dateline::cache
