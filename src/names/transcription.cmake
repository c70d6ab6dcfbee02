# How scripts transcribe foreign names (names/transcription_model.h), included
# by src/names/CMakeLists.txt. The models come from scripts/gen_transcription.py.
target_sources(vigil_names PRIVATE ${CMAKE_CURRENT_LIST_DIR}/transcription_model.cc)
vigil_embed(vigil_names han_transcription
            ${CMAKE_CURRENT_LIST_DIR}/data/han/han_transcription.tsv)
vigil_embed(vigil_names hangul_transcription
            ${CMAKE_CURRENT_LIST_DIR}/data/hangul/hangul_transcription.tsv)
vigil_embed(vigil_names cyrillic_transcription
            ${CMAKE_CURRENT_LIST_DIR}/data/cyrillic/cyrillic_transcription.tsv)
vigil_embed(vigil_names arabic_transcription
            ${CMAKE_CURRENT_LIST_DIR}/data/arabic/arabic_transcription.tsv)
vigil_add_test(transcription_model_test
               SOURCES ${CMAKE_CURRENT_LIST_DIR}/transcription_model_test.cc LIBS vigil_names)
