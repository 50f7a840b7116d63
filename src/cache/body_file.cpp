#include "cache/body_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>

namespace dateline::cache {

namespace {

std::size_t page_size() {
    static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

std::size_t whole_pages(std::size_t bytes) {
    const auto page = page_size();
    return (bytes + page - 1) / page * page;
}

// Gives a stretch's memory back; its place in the file is never used again.
void punch(int fd, std::int64_t start, std::size_t length) {
    if (length > 0)
        (void)::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, start,
                          static_cast<off_t>(length));
}

}  // namespace

KeptBodies::~KeptBodies() {
    if (map_) ::munmap(map_, length_);
    punch(file_->fd(), start_, length_);
    --file_->stretches_;
}

int KeptBodies::fd() const {
    return file_->fd();
}

std::shared_ptr<BodyFile> BodyFile::create(std::string& error, BodyFileLimits limits) {
    const int fd = ::memfd_create("dateline-pages", MFD_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    if (limits.max_stretches <= 0) {
        std::int64_t mappings = 65530;  // Linux's default
        std::ifstream("/proc/sys/vm/max_map_count") >> mappings;
        limits.max_stretches = std::max<std::int64_t>(mappings / 4, 1);
    }
    if (limits.max_size <= 0) {
        rlimit file_size{};
        limits.max_size =
            ::getrlimit(RLIMIT_FSIZE, &file_size) == 0 && file_size.rlim_cur != RLIM_INFINITY
                ? static_cast<std::int64_t>(file_size.rlim_cur)
                : std::numeric_limits<std::int64_t>::max();
    }
    return std::shared_ptr<BodyFile>(new BodyFile(fd, limits));
}

BodyFile::~BodyFile() {
    ::close(fd_);
}

std::shared_ptr<const KeptBodies> BodyFile::keep(std::initializer_list<std::string_view> bodies) {
    std::size_t total = 0;
    for (const auto body : bodies) total += body.size();
    // A stretch of at least one page, so that each has a mapping of its own.
    const auto length = static_cast<std::int64_t>(whole_pages(std::max<std::size_t>(total, 1)));
    // Made first: whatever way this ends, letting go of it gives back what it took.
    std::shared_ptr<KeptBodies> kept(new KeptBodies());
    kept->file_ = shared_from_this();
    if (++stretches_ > limits_.max_stretches) return nullptr;
    const std::int64_t start = next_.fetch_add(length);
    if (start > limits_.max_size - length) return nullptr;
    kept->start_ = start;
    kept->length_ = static_cast<std::size_t>(length);
    // Its pages first, whole: the file then reaches past the stretch's end (a mapping's pages
    // beyond it would not be there), and memory running out shows here, before any write.
    if (::fallocate(fd_, 0, start, static_cast<off_t>(length)) != 0) return nullptr;
    std::int64_t at = start;
    for (const auto body : bodies) {
        for (std::size_t written = 0; written < body.size();) {
            const auto n = ::pwrite(fd_, body.data() + written, body.size() - written,
                                    static_cast<off_t>(at + static_cast<std::int64_t>(written)));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return nullptr;
            written += static_cast<std::size_t>(n);
        }
        at += static_cast<std::int64_t>(body.size());
    }
    // Mapped whole and at once: a hit reads the pages without faulting them in one by one.
    void* map = ::mmap(nullptr, kept->length_, PROT_READ, MAP_SHARED | MAP_POPULATE, fd_,
                       static_cast<off_t>(start));
    if (map == MAP_FAILED) return nullptr;
    kept->map_ = map;
    const char* cursor = static_cast<const char*>(map);
    for (const auto body : bodies) {
        kept->bodies_.emplace_back(cursor, body.size());
        cursor += body.size();
    }
    return kept;
}

}  // namespace dateline::cache
