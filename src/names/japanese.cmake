# Japanese readings of kanji names (names/japanese.h), included by
# src/names/CMakeLists.txt. The table comes from scripts/gen_japanese_tables.py.
target_sources(vigil_names PRIVATE ${CMAKE_CURRENT_LIST_DIR}/japanese.cc)
vigil_embed(vigil_names han_japanese ${CMAKE_CURRENT_LIST_DIR}/data/han/han_japanese.tsv)
vigil_add_test(japanese_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/japanese_test.cc LIBS vigil_names)
