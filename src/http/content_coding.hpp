#pragma once

#include <string>
#include <string_view>

namespace dateline::http {

/// The content codings Dateline sends (RFC 9110, 8.4.1).
enum class Coding { Identity, Gzip, Brotli };

/// The name of a coding as `Content-Encoding` spells it ("" for identity).
std::string_view coding_name(Coding coding);

/// Which coding to send for a request's `Accept-Encoding`, among those on offer: the one with the
/// highest weight, Brotli before gzip before identity when weights are equal; `*` stands for any
/// coding the header does not name, `x-gzip` for gzip. Identity without the header, or when
/// nothing acceptable is on offer (the header is advice, and an uncompressed page is better
/// than a 406).
Coding preferred_coding(std::string_view accept_encoding, bool brotli_offered, bool gzip_offered);

/// How hard a compression tries: Thorough for a body sent many times (gzip level 6, Brotli
/// quality 5), Fast for one that may be sent once (gzip level 1, Brotli quality 0: a fifth to a
/// third of the time, for a body an eighth to a half larger; Brotli 0 about as large as gzip 1).
enum class Effort { Fast, Thorough };

/// The body compressed for keeping, in text mode where the coding has one. Empty when
/// compression fails or does not make the body smaller.
std::string gzip_compress(std::string_view body, Effort effort = Effort::Thorough);
std::string brotli_compress(std::string_view body, Effort effort = Effort::Thorough);

/// A body compressed by gzip_compress or brotli_compress, decoded back to the `size` bytes it was
/// made from (the size is known, so that no body decodes past it); empty when it does not decode
/// to exactly that.
std::string decompress(Coding coding, std::string_view body, std::size_t size);

}  // namespace dateline::http
