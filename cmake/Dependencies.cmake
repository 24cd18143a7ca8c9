# Third-party dependencies. Debian packages are installed by tools/bootstrap; the tree-sitter
# core and grammars come from the npm packages pinned in package.json/package-lock.json and are
# compiled here, one static library each, always optimised (-O3 parses ~15% faster).
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
# SHA-256 (libcrypto) keys the result cache by each file's text.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)

set(SECREVIEW_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)
set(TS_ROOT ${SECREVIEW_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib)
if(NOT EXISTS ${TS_ROOT}/src/lib.c)
  message(FATAL_ERROR "tree-sitter sources not found in ${SECREVIEW_NODE_MODULES}: run tools/bootstrap")
endif()

add_library(ts_core STATIC ${TS_ROOT}/src/lib.c)
target_include_directories(ts_core SYSTEM PUBLIC ${TS_ROOT}/include PRIVATE ${TS_ROOT}/src)
# Third-party C is not instrumented in sanitizer builds (faster builds; our code still is).
target_compile_options(ts_core PRIVATE -O3 -w -fno-sanitize=all)
set_target_properties(ts_core PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

function(secreview_grammar name dir)
  set(srcs ${dir}/src/parser.c)
  if(EXISTS ${dir}/src/scanner.c)
    list(APPEND srcs ${dir}/src/scanner.c)
  endif()
  add_library(${name} STATIC ${srcs})
  target_include_directories(${name} PRIVATE ${dir}/src)
  target_compile_options(${name} PRIVATE -O3 -w -fno-sanitize=all)
  set_target_properties(${name} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
endfunction()

secreview_grammar(ts_python ${SECREVIEW_NODE_MODULES}/tree-sitter-python)
