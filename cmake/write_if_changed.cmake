# write_if_changed(PATH CONTENT): writes CONTENT to PATH unless it already holds it, so that a
# generated source keeps its time stamp and what depends on it is not rebuilt.
function(write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()
