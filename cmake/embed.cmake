# vigil_embed(TARGET NAME FILE): links FILE's bytes into TARGET as a read-only
# symbol, read with VIGIL_EMBEDDED(NAME) from "model/embedded.h". Tables ship
# inside the binary, so vigil runs from any directory without data files.
function(vigil_embed target name file)
  get_filename_component(abs ${file} ABSOLUTE)
  set(asm ${CMAKE_CURRENT_BINARY_DIR}/embed_${name}.S)
  file(WRITE ${asm}.in
    "  .section .rodata\n"
    "  .global vigil_embed_${name}\n"
    "  .global vigil_embed_${name}_end\n"
    "  .balign 16\n"
    "vigil_embed_${name}:\n"
    "  .incbin \"${abs}\"\n"
    "vigil_embed_${name}_end:\n"
    "  .byte 0\n"
    "  .section .note.GNU-stack,\"\",@progbits\n")
  configure_file(${asm}.in ${asm} COPYONLY)
  set_source_files_properties(${asm} PROPERTIES OBJECT_DEPENDS ${abs})
  target_sources(${target} PRIVATE ${asm})
endfunction()
