#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::http {

/// One part of a multipart/form-data body (RFC 7578): a form's field or a chosen file.
struct FormPart {
    std::string name;                      ///< the field's name
    std::optional<std::string> file_name;  ///< a file input's part (empty: no file was chosen)
    std::string content_type;              ///< as the part says it, lowercased; "" when unsaid
    std::string_view content;              ///< a view into the body given to parse_multipart
};

/// The boundary a multipart/form-data Content-Type names (quoted or not; 1 to 70 of the
/// characters RFC 2046 allows), or nothing for any other type or a bad boundary.
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// The parts of a multipart/form-data body, in order, read within the body's own bytes. Nothing
/// when it is not well formed: no opening or closing delimiter, a part whose headers are longer
/// than 8 KiB or lack `Content-Disposition: form-data` with a name, or more than `max_parts`
/// parts. A preamble before the first delimiter and an epilogue after the last are ignored.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary,
                                                     std::size_t max_parts = 64);

}  // namespace dateline::http
