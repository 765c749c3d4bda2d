# Turns schemas/NNN_name.sql (numbered migrations) into one generated C++
# source, so the binary carries its schema and needs no data files at run time.
function(embed_schemas out_var schema_dir)
  file(GLOB schema_files CONFIGURE_DEPENDS ${schema_dir}/[0-9][0-9][0-9]_*.sql)
  list(SORT schema_files)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_schemas.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${schema_files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/GenerateSchemas.cmake
    DEPENDS ${schema_files} ${CMAKE_SOURCE_DIR}/cmake/GenerateSchemas.cmake
    COMMENT "Embedding schema migrations"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
