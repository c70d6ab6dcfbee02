#include "model/country.h"

#include <cctype>
#include <unordered_map>
#include <utility>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vigil {
namespace {

// Demonyms, official long forms and list spellings ICU's English display
// names do not cover, and states that no longer exist. Authored for vigil
// from the spellings used by the OFAC, UN and BIS lists; keys are matched
// after the same folding as the input (case, accents, punctuation).
constexpr std::pair<std::string_view, std::string_view> kAuthored[] = {
    {"afghan", "af"},
    {"albanian", "al"},
    {"algerian", "dz"},
    {"american", "us"},
    {"united states of america", "us"},
    {"usa", "us"},
    {"u s a", "us"},
    {"u s", "us"},
    {"angolan", "ao"},
    {"argentine", "ar"},
    {"argentinian", "ar"},
    {"armenian", "am"},
    {"australian", "au"},
    {"austrian", "at"},
    {"azerbaijani", "az"},
    {"bahraini", "bh"},
    {"bangladeshi", "bd"},
    {"belarusian", "by"},
    {"belarusan", "by"},
    {"belgian", "be"},
    {"bolivian", "bo"},
    {"bolivia plurinational state of", "bo"},
    {"bosnian", "ba"},
    {"bosnia and herzegovina", "ba"},
    {"bosnia herzegovina", "ba"},
    {"brazilian", "br"},
    {"british", "gb"},
    {"united kingdom of great britain and northern ireland", "gb"},
    {"uk", "gb"},
    {"great britain", "gb"},
    {"england", "gb"},
    {"bulgarian", "bg"},
    {"burma", "mm"},
    {"burmese", "mm"},
    {"myanmar", "mm"},
    {"burundian", "bi"},
    {"cambodian", "kh"},
    {"cameroonian", "cm"},
    {"canadian", "ca"},
    {"central african", "cf"},
    {"chadian", "td"},
    {"chilean", "cl"},
    {"chinese", "cn"},
    {"people s republic of china", "cn"},
    {"prc", "cn"},
    {"colombian", "co"},
    {"congolese", "cd"},
    {"democratic republic of the congo", "cd"},
    {"congo democratic republic of the", "cd"},
    {"congo democratic republic", "cd"},
    {"drc", "cd"},
    {"republic of the congo", "cg"},
    {"congo republic of the", "cg"},
    {"congo", "cg"},
    {"cote d ivoire", "ci"},
    {"ivory coast", "ci"},
    {"ivorian", "ci"},
    {"croatian", "hr"},
    {"cuban", "cu"},
    {"cypriot", "cy"},
    {"czech", "cz"},
    {"czech republic", "cz"},
    {"danish", "dk"},
    {"dominican", "do"},
    {"dutch", "nl"},
    {"netherlands", "nl"},
    {"ecuadorian", "ec"},
    {"egyptian", "eg"},
    {"emirati", "ae"},
    {"uae", "ae"},
    {"eritrean", "er"},
    {"estonian", "ee"},
    {"ethiopian", "et"},
    {"filipino", "ph"},
    {"philippine", "ph"},
    {"finnish", "fi"},
    {"french", "fr"},
    {"gambian", "gm"},
    {"georgian", "ge"},
    {"german", "de"},
    {"ghanaian", "gh"},
    {"greek", "gr"},
    {"guatemalan", "gt"},
    {"guinean", "gn"},
    {"guinea bissau", "gw"},
    {"haitian", "ht"},
    {"honduran", "hn"},
    {"hungarian", "hu"},
    {"indian", "in"},
    {"indonesian", "id"},
    {"iranian", "ir"},
    {"iran islamic republic of", "ir"},
    {"islamic republic of iran", "ir"},
    {"iraqi", "iq"},
    {"irish", "ie"},
    {"israeli", "il"},
    {"italian", "it"},
    {"jamaican", "jm"},
    {"japanese", "jp"},
    {"jordanian", "jo"},
    {"kazakh", "kz"},
    {"kazakhstani", "kz"},
    {"kenyan", "ke"},
    {"north korea", "kp"},
    {"korea north", "kp"},
    {"dprk", "kp"},
    {"north korean", "kp"},
    {"democratic people s republic of korea", "kp"},
    {"korea democratic people s republic of", "kp"},
    {"south korea", "kr"},
    {"korea south", "kr"},
    {"republic of korea", "kr"},
    {"korea republic of", "kr"},
    {"south korean", "kr"},
    {"kosovo", "xk"},
    {"kosovar", "xk"},
    {"xk", "xk"},
    {"kuwaiti", "kw"},
    {"kyrgyz", "kg"},
    {"kyrgyzstani", "kg"},
    {"lao", "la"},
    {"laotian", "la"},
    {"lao people s democratic republic", "la"},
    {"latvian", "lv"},
    {"lebanese", "lb"},
    {"liberian", "lr"},
    {"libyan", "ly"},
    {"libyan arab jamahiriya", "ly"},
    {"lithuanian", "lt"},
    {"macedonian", "mk"},
    {"macedonia", "mk"},
    {"the former yugoslav republic of macedonia", "mk"},
    {"malaysian", "my"},
    {"malian", "ml"},
    {"maltese", "mt"},
    {"mauritanian", "mr"},
    {"mexican", "mx"},
    {"moldovan", "md"},
    {"republic of moldova", "md"},
    {"moldova republic of", "md"},
    {"mongolian", "mn"},
    {"montenegrin", "me"},
    {"moroccan", "ma"},
    {"mozambican", "mz"},
    {"namibian", "na"},
    {"nepalese", "np"},
    {"nepali", "np"},
    {"new zealander", "nz"},
    {"nicaraguan", "ni"},
    {"nigerien", "ne"},
    {"nigerian", "ng"},
    {"norwegian", "no"},
    {"omani", "om"},
    {"pakistani", "pk"},
    {"palestinian", "ps"},
    {"palestine", "ps"},
    {"state of palestine", "ps"},
    {"occupied palestinian territory", "ps"},
    {"panamanian", "pa"},
    {"paraguayan", "py"},
    {"peruvian", "pe"},
    {"polish", "pl"},
    {"portuguese", "pt"},
    {"qatari", "qa"},
    {"romanian", "ro"},
    {"russian", "ru"},
    {"russian federation", "ru"},
    {"rwandan", "rw"},
    {"saudi", "sa"},
    {"saudi arabian", "sa"},
    {"senegalese", "sn"},
    {"serbian", "rs"},
    {"sierra leonean", "sl"},
    {"singaporean", "sg"},
    {"slovak", "sk"},
    {"slovenian", "si"},
    {"somali", "so"},
    {"south african", "za"},
    {"south sudanese", "ss"},
    {"spanish", "es"},
    {"sri lankan", "lk"},
    {"sudanese", "sd"},
    {"swedish", "se"},
    {"swiss", "ch"},
    {"syrian", "sy"},
    {"syrian arab republic", "sy"},
    {"taiwanese", "tw"},
    {"taiwan", "tw"},
    {"taiwan province of china", "tw"},
    {"tajik", "tj"},
    {"tajikistani", "tj"},
    {"tanzanian", "tz"},
    {"united republic of tanzania", "tz"},
    {"tanzania", "tz"},
    {"thai", "th"},
    {"tunisian", "tn"},
    {"turkish", "tr"},
    {"turkey", "tr"},
    {"turkiye", "tr"},
    {"turkmen", "tm"},
    {"ugandan", "ug"},
    {"ukrainian", "ua"},
    {"uruguayan", "uy"},
    {"uzbek", "uz"},
    {"uzbekistani", "uz"},
    {"venezuelan", "ve"},
    {"venezuela bolivarian republic of", "ve"},
    {"bolivarian republic of venezuela", "ve"},
    {"vietnamese", "vn"},
    {"viet nam", "vn"},
    {"vietnam", "vn"},
    {"yemeni", "ye"},
    {"zambian", "zm"},
    {"zimbabwean", "zw"},
    {"hong kong", "hk"},
    {"hong kong sar", "hk"},
    {"macau", "mo"},
    {"macao", "mo"},
    {"macau sar", "mo"},
    {"macao sar", "mo"},
    {"st kitts and nevis", "kn"},
    {"st vincent and the grenadines", "vc"},
    {"st lucia", "lc"},
    {"virgin islands british", "vg"},
    {"british virgin islands", "vg"},
    {"virgin islands u s", "vi"},
    {"virgin islands us", "vi"},
    {"bahamas", "bs"},
    {"gambia", "gm"},
    {"cabo verde", "cv"},
    {"cape verde", "cv"},
    {"north macedonia republic of", "mk"},
    {"north macedonia the republic of", "mk"},
    {"republic of north macedonia", "mk"},
    {"micronesia federated states of", "fm"},
    {"sao tome and principe", "st"},
    {"holy see", "va"},
    {"vatican", "va"},
    {"china hong kong special administrative region", "hk"},
    {"hong kong special administrative region of china", "hk"},
    {"china macao special administrative region", "mo"},
    {"macao special administrative region of china", "mo"},
    {"netherlands antilles", "an"},
    {"an", "an"},
    {"ant", "an"},
    // Historical states: lists still name them in places and dates of birth.
    {"ussr", "su"},
    {"soviet union", "su"},
    {"union of soviet socialist republics", "su"},
    {"soviet", "su"},
    {"former soviet union", "su"},
    {"su", "su"},
    {"suhh", "su"},
    {"yugoslavia", "yu"},
    {"yugoslav", "yu"},
    {"federal republic of yugoslavia", "yu"},
    {"yu", "yu"},
    {"yug", "yu"},
    {"serbia and montenegro", "cs"},
    {"czechoslovakia", "cs"},
};

// Lower-case ASCII letters and digits, accents removed, every other run of
// characters one space; a leading "the" dropped. "Côte d’Ivoire" -> "cote d ivoire".
std::string Fold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = d;
  }
  std::string out;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == '&') {
      if (!out.empty()) out += ' ';
      out += "and";
      space = true;
      continue;
    }
    if (c < 128 && std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  // "The Bahamas" / "Bahamas, The"; "Saint Lucia" / "St. Lucia".
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  if (out.size() > 4 && out.compare(out.size() - 4, 4, " the") == 0) out.resize(out.size() - 4);
  for (size_t p = 0; (p = out.find("saint", p)) != std::string::npos; p += 2) {
    bool starts = p == 0 || out[p - 1] == ' ';
    bool ends = p + 5 == out.size() || out[p + 5] == ' ';
    if (starts && ends) out.replace(p, 5, "st");
  }
  return out;
}

const std::unordered_map<std::string, std::string>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, std::string>();
    int32_t count = 0;
    const char* const* codes = icu::Locale::getISOCountries();
    for (; codes[count] != nullptr; ++count) {
      std::string code(codes[count]);
      for (auto& ch : code) ch = static_cast<char>(std::tolower(ch));
      icu::Locale loc("", codes[count]);
      t->emplace(code, code);
      std::string iso3 = loc.getISO3Country();
      for (auto& ch : iso3) ch = static_cast<char>(std::tolower(ch));
      if (!iso3.empty()) t->emplace(iso3, code);
      icu::UnicodeString display;
      loc.getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string name;
      display.toUTF8String(name);
      std::string key = Fold(name);
      if (!key.empty() && key != code) t->emplace(key, code);
      // ICU writes "Myanmar (Burma)", "Congo - Kinshasa", "Hong Kong SAR China":
      // the part before the qualifier is a name too when no other country
      // claims it (authored entries below settle the contested ones).
      auto cut = name.find_first_of("(-");
      if (cut != std::string::npos) t->emplace(Fold(name.substr(0, cut)), code);
    }
    for (const auto& [name, code] : kAuthored) (*t)[Fold(name)] = std::string(code);
    return t;
  }();
  return *table;
}

}  // namespace

std::optional<std::string> CountryCode(std::string_view text) {
  std::string key = Fold(text);
  if (key.empty()) return std::nullopt;
  const auto& table = Table();
  auto it = table.find(key);
  if (it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace vigil
