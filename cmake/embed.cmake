# Writes OUTPUT, a C++ source defining `std::span<const EmbeddedFile> NAME()` with the text of
# every file in FILES, so the single `tarjotin` executable carries its migrations and schemas.
# Called in script mode: cmake -DNAME=... -DOUTPUT=... -DFILES="a|b" -P embed.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
foreach(path IN LISTS FILES)
  file(READ "${path}" content)
  get_filename_component(base "${path}" NAME)
  string(APPEND body "    {\"${base}\", R\"__tj__(${content})__tj__\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from the source tree by cmake/embed.cmake; do not edit.
#include \"embedded/embedded.hpp\"

namespace tarjotin::embedded {
std::span<const EmbeddedFile> ${NAME}() {
  static const EmbeddedFile files[] = {
${body}  };
  return files;
}
}  // namespace tarjotin::embedded
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
