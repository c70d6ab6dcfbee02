# Chinese / Korean-hanja name readings (names/chinese.h), included by
# src/names/CMakeLists.txt. Tables come from scripts/gen_han_tables.py.
target_sources(vigil_names PRIVATE ${CMAKE_CURRENT_LIST_DIR}/chinese.cc)
set(_han_data ${CMAKE_CURRENT_LIST_DIR}/data/han)
vigil_embed(vigil_names han_chars ${_han_data}/han_chars.tsv)
vigil_embed(vigil_names han_surnames ${_han_data}/han_surnames.tsv)
vigil_embed(vigil_names han_t2s ${_han_data}/han_t2s.tsv)
vigil_embed(vigil_names han_wade_giles ${_han_data}/wade_giles.tsv)
vigil_add_test(chinese_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/chinese_test.cc LIBS vigil_names)
# How characters transcribe foreign names (names/han_transcription.h); the
# model comes from scripts/gen_han_transcription.py.
target_sources(vigil_names PRIVATE ${CMAKE_CURRENT_LIST_DIR}/han_transcription.cc)
vigil_embed(vigil_names han_transcription ${_han_data}/han_transcription.tsv)
vigil_add_test(han_transcription_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/han_transcription_test.cc
               LIBS vigil_names)
