// vigil audit verify: recomputes the hash chain of the review store's audit
// log and names the first record that was edited, deleted or reordered.
#include <cstdio>
#include <string>

#include "command.h"
#include "store/store.h"

namespace vigil::cli {
namespace {

std::function<int()> SetupAudit(CLI::App* sub) {
  auto db = std::make_shared<std::string>();
  sub->require_subcommand(1);
  CLI::App* verify = sub->add_subcommand("verify", "check the audit log's hash chain");
  verify->add_option("--db", *db, "review database (SQLite)")->required()->check(CLI::ExistingFile);
  return [db]() -> int {
    auto store = store::Store::Open(*db);
    if (!store.ok()) {
      std::fprintf(stderr, "vigil audit: %s\n", store.status().ToString().c_str());
      return kExitFailure;
    }
    auto r = (*store)->VerifyAudit();
    if (!r.ok()) {
      std::fprintf(stderr, "vigil audit: %s\n", r.status().ToString().c_str());
      return kExitFailure;
    }
    if (!r->ok) {
      std::printf("audit chain BROKEN at record %lld of %lld: %s\n",
                  static_cast<long long>(r->first_bad_seq), static_cast<long long>(r->records),
                  r->reason.c_str());
      return kExitFailure;
    }
    std::printf("audit chain ok: %lld records\n", static_cast<long long>(r->records));
    return kExitOk;
  };
}

VIGIL_COMMAND("audit", "verify the review store's audit log (vigil audit verify --db PATH)",
              SetupAudit);

}  // namespace
}  // namespace vigil::cli
