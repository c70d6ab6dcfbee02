# Chinese / Korean-hanja name readings (names/chinese.h), included by
# src/names/CMakeLists.txt. Tables come from scripts/gen_han_tables.py.
target_sources(vigil_names PRIVATE ${CMAKE_CURRENT_LIST_DIR}/chinese.cc)
set(_han_data ${CMAKE_CURRENT_LIST_DIR}/data/han)
vigil_embed(vigil_names han_chars ${_han_data}/han_chars.tsv)
vigil_embed(vigil_names han_surnames ${_han_data}/han_surnames.tsv)
vigil_embed(vigil_names han_t2s ${_han_data}/han_t2s.tsv)
vigil_embed(vigil_names han_wade_giles ${_han_data}/wade_giles.tsv)
vigil_add_test(chinese_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/chinese_test.cc LIBS vigil_names)
