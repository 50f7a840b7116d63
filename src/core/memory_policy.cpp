#include "core/memory_policy.hpp"

#include <malloc.h>

namespace dateline {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
    constexpr int megabyte = 1024 * 1024;
    // Setting any of these turns glibc's dynamic thresholds off (mallopt(3)).
    mallopt(M_TRIM_THRESHOLD, 64 * megabyte);  // free memory kept at a heap's top
    mallopt(M_TOP_PAD, 16 * megabyte);         // a heap grows by this much more than asked
    mallopt(M_MMAP_THRESHOLD, 4 * megabyte);   // larger blocks get their own mapping
#endif
}

}  // namespace dateline
