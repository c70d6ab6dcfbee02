// Data files linked into the binary by vigil_embed() (cmake/embed.cmake).
//   VIGIL_DECLARE_EMBEDDED(pinyin);              // at namespace scope
//   std::string_view t = VIGIL_EMBEDDED(pinyin);  // the file's bytes
#ifndef VIGIL_MODEL_EMBEDDED_H_
#define VIGIL_MODEL_EMBEDDED_H_

#include <string_view>

#define VIGIL_DECLARE_EMBEDDED(name)          \
  extern "C" const char vigil_embed_##name[]; \
  extern "C" const char vigil_embed_##name##_end[]

#define VIGIL_EMBEDDED(name)           \
  std::string_view(vigil_embed_##name, \
                   static_cast<size_t>(vigil_embed_##name##_end - vigil_embed_##name))

#endif  // VIGIL_MODEL_EMBEDDED_H_
