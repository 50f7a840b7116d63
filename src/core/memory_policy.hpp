#pragma once

namespace dateline {

/// Sets the C allocator's policy for a long-running server; call once, first thing in `main`,
/// before any thread starts.
///
/// glibc's malloc adjusts its trim and mmap thresholds as the program runs, and a thread's arena
/// gives the top of its heap back to the system (`madvise`) whenever a large enough block is
/// freed at its end. A page render allocates and frees some hundred kilobytes, so each request
/// returned memory and took it back again by page faults, and each `madvise` interrupted the other
/// core to flush its TLB. Fixed thresholds keep freed memory for the next request; blocks of
/// several megabytes (decoded pictures) are still mapped and unmapped on their own.
void keep_freed_memory_for_reuse();

}  // namespace dateline
