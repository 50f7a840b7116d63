#pragma once

// Finding the few bytes an escape changes in text that keeps nearly all of its bytes.

#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline::render {

/// The position of the first byte at or after `from` that is a control character (below 0x20)
/// or one of `Bytes`, or `text.size()` when none is. Every escape changes some control
/// characters and a handful of others, which text rarely holds, so the bytes between them are
/// skipped sixteen at a time where SSE2 is there (every x86-64; the last few copied into a
/// block of their own), one at a time elsewhere.
template <char... Bytes>
std::size_t find_control_or(std::string_view text, std::size_t from) {
    const char* const p = text.data();
    const std::size_t size = text.size();
    std::size_t i = from;
#if defined(__SSE2__)
    // A bit for each of the block's bytes that is a stop.
    const auto stops = [](__m128i block) {
        // min is unsigned: the bytes of UTF-8 sequences (0x80 and above) are not controls.
        __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
        ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, _mm_set1_epi8(Bytes)))), ...);
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    for (; i + 16 <= size; i += 16)
        if (const unsigned found = stops(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))))
            return i + static_cast<std::size_t>(__builtin_ctz(found));
    if (i < size) {
        // The last bytes (all of most values, which are short) in one block too, padded with a
        // byte that is no stop: a loop over them cost more than the blocks before them.
        constexpr char padding = 'a';
        static_assert(((Bytes != padding) && ...));
        alignas(16) char last[16];
        std::memset(last, padding, sizeof last);
        std::memcpy(last, p + i, size - i);
        if (const unsigned found = stops(_mm_load_si128(reinterpret_cast<const __m128i*>(last))))
            return i + static_cast<std::size_t>(__builtin_ctz(found));
    }
    return size;
#else
    for (; i < size; ++i) {
        const char c = p[i];
        if (static_cast<unsigned char>(c) < 0x20 || ((c == Bytes) || ...)) return i;
    }
    return size;
#endif
}

}  // namespace dateline::render
