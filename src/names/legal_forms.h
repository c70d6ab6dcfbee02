// Company legal forms (LLC, GmbH, ООО, S.A. de C.V., 股份有限公司, ...) and
// organisation-name stopwords. Legal forms are recognised from rigour's
// org_types.yml (MIT) plus data/latin/legal_forms_extra.tsv and reduced to a
// canonical type, rigour's `generic` class where it has one: "gmbh", "ooo",
// "ltd", "limited liability company", "sp z o o" all give "llc"; "ag", "sa",
// "pjsc", "zao" give "jsc"; "kg" gives "lp". Two names of one company written
// in different countries thus agree on the type even when the words differ.
//
// A legal form is recognised only at the edges of a name (the end, or the start
// as in "OOO Romashka" and "PT Bank ..."), never in the middle, and a name is
// never reduced to nothing: "Limited" alone stays a name.
//
// Tables are embedded, built once on first use and immutable; all functions
// are thread-safe.
#ifndef VIGIL_NAMES_LEGAL_FORMS_H_
#define VIGIL_NAMES_LEGAL_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::names {

// Removes legal-form tokens from the edges of a Latin-token name (lower-case
// ASCII tokens, as text::Tokenize(text::FoldToAscii(...)) gives them) and returns
// the canonical types found, in order, without repeats. Multi-token forms
// ("limited liability company", "s a", "sp z o o", "gmbh & co kg") are
// matched longest first; "&" tokens inside a form are ignored.
std::vector<std::string> ExtractLegalForms(std::vector<std::string>& tokens);

// The same for a cleaned name (text::CleanName) in a script written without
// spaces between words, or before transliteration: removes Han/Kana suffixes
// and prefixes (有限公司, 株式会社) wherever they touch the name, and forms in
// other scripts (ООО, ЗАО, شركة, בע"מ) when they stand as whole words at an
// edge. Trims the spaces left behind.
std::vector<std::string> ExtractLegalFormsFromText(std::string& cleaned_text);

// The canonical type of one legal-form spelling ("gmbh" -> "llc", "ооо" ->
// "llc"), or "" when it is not one.
std::string_view LegalFormType(std::string_view alias);

// True for words that carry no identity in an organisation's name: articles,
// conjunctions, "company", "group", "holding(s)". Lower-case ASCII token.
bool IsOrgStopword(std::string_view token);

}  // namespace vigil::names

#endif  // VIGIL_NAMES_LEGAL_FORMS_H_
