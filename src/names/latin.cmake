# Latin-side name knowledge (included by src/names/CMakeLists.txt): nicknames,
# legal forms, romanization variants, name-part frequency. Tables are generated
# by scripts/gen_names_tables.py and embedded.
set(_latin ${CMAKE_CURRENT_LIST_DIR})
target_sources(vigil_names PRIVATE
  ${_latin}/nicknames.cc ${_latin}/legal_forms.cc ${_latin}/latin_variants.cc
  ${_latin}/frequency.cc)
vigil_embed(vigil_names latin_nickname_groups ${_latin}/data/latin/nickname_groups.tsv)
vigil_embed(vigil_names latin_legal_forms ${_latin}/data/latin/legal_forms.tsv)
vigil_embed(vigil_names latin_org_stopwords ${_latin}/data/latin/org_stopwords.txt)
vigil_embed(vigil_names latin_name_frequency ${_latin}/data/latin/name_frequency.tsv)
vigil_add_test(latin_names_test
  SOURCES ${_latin}/nicknames_test.cc ${_latin}/legal_forms_test.cc
          ${_latin}/latin_variants_test.cc ${_latin}/frequency_test.cc
  LIBS vigil_names)
