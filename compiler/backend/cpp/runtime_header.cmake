# Writes OUT, the polc_runtime.h that `polc build --emit=cpp` writes next to the generated code: one
# header made from RUNTIME (runtime/polc_runtime.h), whose `#include "PART.h"` lines name the parts
# in order. What comes before the first part (the opening comment, the guard, the standard and
# polc_decimal.h includes) is kept; each part gives what lies between its `namespace polc_rt {` and
# `}  // namespace polc_rt` lines, all of them inside one namespace; the guard's #endif closes it.
file(READ ${RUNTIME} umbrella)
get_filename_component(dir ${RUNTIME} DIRECTORY)
string(FIND "${umbrella}" "\n// The parts, in order." cut)
if(cut EQUAL -1)
  message(FATAL_ERROR "${RUNTIME}: no line `// The parts, in order.`")
endif()
string(SUBSTRING "${umbrella}" 0 ${cut} content)
string(APPEND content "\nnamespace polc_rt {\n")
string(REGEX MATCHALL "#include \"[a-z_]+\\.h\"" includes "${umbrella}")
foreach(inc ${includes})
  string(REGEX REPLACE "#include \"([a-z_]+\\.h)\"" "\\1" part "${inc}")
  if(part STREQUAL "polc_decimal.h")
    continue()
  endif()
  file(READ ${dir}/${part} text)
  string(FIND "${text}" "namespace polc_rt {\n" open)
  string(FIND "${text}" "}  // namespace polc_rt\n" close REVERSE)
  if(open EQUAL -1 OR close EQUAL -1)
    message(FATAL_ERROR "${dir}/${part}: its body must lie between `namespace polc_rt {` and `}  // namespace polc_rt`")
  endif()
  math(EXPR from "${open} + 20")
  math(EXPR length "${close} - ${from} - 1")  # without the blank line before the closing brace
  string(SUBSTRING "${text}" ${from} ${length} body)
  string(APPEND content "${body}")
endforeach()
string(APPEND content "\n}  // namespace polc_rt\n\n#endif  // POLC_RUNTIME_H\n")
file(WRITE ${OUT}.tmp "${content}")
file(RENAME ${OUT}.tmp ${OUT})
