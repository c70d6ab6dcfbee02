// vigil keys create|list|revoke: manage the API keys of `vigil serve`.
// The key is printed once, by `create`; the store keeps only its SHA-256.
#include <cstdio>
#include <string>

#include "command.h"
#include "store/store.h"

namespace vigil::cli {
namespace {

std::function<int()> SetupKeys(CLI::App* sub) {
  struct Options {
    std::string db, role = "viewer", name, id;
  };
  auto o = std::make_shared<Options>();
  sub->require_subcommand(1);
  CLI::App* create = sub->add_subcommand("create", "create a key and print it once");
  create->add_option("--db", o->db, "review database (SQLite)")->required();
  create->add_option("--role", o->role, "viewer | analyst | admin")
      ->check(CLI::IsMember({"viewer", "analyst", "admin"}));
  create->add_option("--name", o->name, "who or what uses the key")->required();
  CLI::App* list = sub->add_subcommand("list", "list keys (ids, names, roles; never the keys)");
  list->add_option("--db", o->db, "review database (SQLite)")->required();
  CLI::App* revoke = sub->add_subcommand("revoke", "revoke a key by id");
  revoke->add_option("--db", o->db, "review database (SQLite)")->required();
  revoke->add_option("--id", o->id, "key id, e.g. vk_3f9a1c0b")->required();

  return [o, create, list, revoke]() -> int {
    auto store = store::Store::Open(o->db);
    if (!store.ok()) {
      std::fprintf(stderr, "vigil keys: %s\n", store.status().ToString().c_str());
      return kExitFailure;
    }
    const store::Actor cli{"", "cli"};
    if (create->parsed()) {
      auto role = store::RoleFromName(o->role);
      if (!role.ok()) {
        std::fprintf(stderr, "vigil keys: %s\n", role.status().ToString().c_str());
        return kExitUsage;
      }
      auto k = (*store)->CreateKey(o->name, *role, cli);
      if (!k.ok()) {
        std::fprintf(stderr, "vigil keys: %s\n", k.status().ToString().c_str());
        return kExitFailure;
      }
      std::fprintf(stderr, "created %s (%s, %s); the key is shown only now:\n", k->info.id.c_str(),
                   k->info.name.c_str(), o->role.c_str());
      std::printf("%s\n", k->key.c_str());
      return kExitOk;
    }
    if (list->parsed()) {
      auto keys = (*store)->ListKeys();
      if (!keys.ok()) {
        std::fprintf(stderr, "vigil keys: %s\n", keys.status().ToString().c_str());
        return kExitFailure;
      }
      std::printf("%-12s %-8s %-24s %-24s %s\n", "ID", "ROLE", "CREATED", "REVOKED", "NAME");
      for (const auto& k : *keys) {
        std::printf("%-12s %-8s %-24s %-24s %s\n", k.id.c_str(),
                    std::string(store::RoleName(k.role)).c_str(), k.created_at.c_str(),
                    k.revoked_at ? k.revoked_at->c_str() : "-", k.name.c_str());
      }
      return kExitOk;
    }
    if (revoke->parsed()) {
      auto k = (*store)->RevokeKey(o->id, cli);
      if (!k.ok()) {
        std::fprintf(stderr, "vigil keys: %s\n", k.status().ToString().c_str());
        return kExitFailure;
      }
      std::printf("revoked %s (%s) at %s\n", k->id.c_str(), k->name.c_str(),
                  k->revoked_at->c_str());
      return kExitOk;
    }
    return kExitUsage;
  };
}

VIGIL_COMMAND("keys", "manage API keys for `vigil serve` (create, list, revoke)", SetupKeys);

}  // namespace
}  // namespace vigil::cli
