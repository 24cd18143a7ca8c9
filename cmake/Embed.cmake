# secreview_embed(OUTPUT file...): generates a C++ source that defines
#   secreview::embedded::files() -> span of {path relative to the source dir, contents}
# so data files (CWE catalog, rule metadata and docs) ship inside the binary.
function(secreview_embed output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${ARGN}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding data files"
    VERBATIM)
endfunction()
