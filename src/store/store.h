// Store: the durable record of vigil's review workflow, in one SQLite file.
//
// What is kept: API keys (SHA-256 of the key only), screened subjects,
// screenings, alerts (one per hit, with the list entity and explanation as they
// were), analyst decisions, cases with their links and notes, background batch
// jobs, and an append-only audit log in which every record carries the hash of
// the previous one (see docs/API.md, "Audit").
//
// Durability: WAL journal with synchronous=FULL; every mutating call runs in
// one transaction together with its audit record and returns only after the
// commit, so an acknowledged write survives a crash (kill -9, power loss as
// far as fsync goes). A failed call rolls back and leaves the store as it was.
// Schema migrations are versioned (table schema_migrations) and applied by
// Open().
//
// Results are JSON values in the shapes of docs/API.md, because the HTTP layer
// returns them as they are; inputs are typed.
//
// Thread-safety: a Store serializes its calls on one connection behind a
// mutex; every method may be called from several threads.
#ifndef VIGIL_STORE_STORE_H_
#define VIGIL_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/status.h"

struct sqlite3;

namespace vigil::store {

enum class Role { kViewer = 0, kAnalyst = 1, kAdmin = 2 };
std::string_view RoleName(Role role);
Result<Role> RoleFromName(std::string_view name);

// Who made a change: the API key's id and name ("cli" for the command line).
struct Actor {
  std::string key_id;
  std::string name;
  // "alice (vk_3f9a1c0b)", or the name alone when there is no key.
  std::string Display() const;
};

struct KeyInfo {
  std::string id;  // "vk_3f9a1c0b"
  std::string name;
  Role role = Role::kViewer;
  std::string created_at;
  std::optional<std::string> revoked_at;
  nlohmann::json ToJson() const;
};

struct NewKey {
  KeyInfo info;
  std::string key;  // the secret, shown once
};

// One hit of a screening, as the screener returned it.
struct HitRecord {
  nlohmann::json entity;  // the list entity (FtM JSON)
  std::string entity_id;
  std::string entity_caption;
  std::string dataset;
  double score = 0;
  nlohmann::json explanation;
};

struct ScreeningInput {
  nlohmann::json subject;   // FtM JSON of the subject as screened
  std::string subject_key;  // subject id, or a hash of schema + properties
  std::string caption;
  std::string reference;
  std::string requested_by;
};

struct AlertFilter {
  std::vector<std::string> statuses;  // any of; empty = all
  std::string dataset;
  std::optional<double> min_score;  // inclusive
  std::optional<double> max_score;  // exclusive, except 1.0
  std::optional<int64_t> subject_id;
  std::string since;  // created_at >= since (ISO date or time)
  std::string until;  // created_at < until
  // created_at | -created_at (default) | score | -score; anything else is
  // InvalidArgument.
  std::string sort = "-created_at";
  int page = 1;
  int page_size = 50;
};

struct CaseUpdate {
  std::optional<std::string> status;
  std::optional<std::string> counterpart;
  std::optional<std::string> reference;
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> comment;
};

struct AuditVerifyResult {
  bool ok = true;
  int64_t records = 0;
  int64_t first_bad_seq = 0;  // 0 when ok
  std::string reason;
  nlohmann::json ToJson() const;
};

// The SHA-256 of a list entity's canonical JSON: changes when the entry does.
std::string EntityFingerprint(const nlohmann::json& entity);
// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
// "2026-11-29T03:20:57.123Z" for now.
std::string NowIso();

class Store {
 public:
  // Opens (creating if needed) the database at `path` and applies migrations.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- keys
  Result<NewKey> CreateKey(const std::string& name, Role role, const Actor& actor);
  // The key's info if `key` is a known, unrevoked key; Unauthenticated otherwise.
  Result<KeyInfo> Authenticate(std::string_view key);
  Result<std::vector<KeyInfo>> ListKeys();
  Result<KeyInfo> RevokeKey(const std::string& id, const Actor& actor);

  // --- screenings and alerts
  // Stores the subject, the screening and one alert per hit, applying
  // suppression (docs/API.md, POST /screenings). `batch` tags batch work.
  Result<nlohmann::json> RecordScreening(const ScreeningInput& in,
                                         const std::vector<HitRecord>& hits, const Actor& actor);
  Result<nlohmann::json> ListAlerts(const AlertFilter& filter);
  Result<nlohmann::json> GetAlert(int64_t id);
  // decision: match | no_match | escalate.
  Result<nlohmann::json> Decide(int64_t alert_id, const std::string& decision,
                                const std::string& comment, const Actor& actor);

  // --- cases
  Result<nlohmann::json> CreateCase(const std::string& title, const std::string& description,
                                    const std::vector<int64_t>& alert_ids,
                                    const std::vector<std::string>& entity_ids, const Actor& actor);
  Result<nlohmann::json> ListCases(const std::string& status, int page, int page_size);
  Result<nlohmann::json> GetCase(int64_t id);
  Result<nlohmann::json> UpdateCase(int64_t id, const CaseUpdate& update, const Actor& actor);
  Result<nlohmann::json> AddCaseNote(int64_t id, const std::string& text, const Actor& actor);
  Result<nlohmann::json> LinkCase(int64_t id, const std::vector<int64_t>& alert_ids,
                                  const std::vector<std::string>& entity_ids, const Actor& actor);

  // --- batches
  Result<int64_t> CreateBatch(int64_t total, const Actor& actor);
  Status RecordBatchItem(int64_t batch_id, int64_t line, const std::string& reference,
                         std::optional<int64_t> screening_id, const std::string& error);
  Status FinishBatch(int64_t batch_id, const std::string& status);
  // At start-up: batches left `running` by a previous process are `failed`.
  Status FailInterruptedBatches();
  Result<nlohmann::json> GetBatch(int64_t batch_id);
  // One row per (item, alert) with the columns of results.csv.
  Result<std::vector<std::vector<std::string>>> BatchResultRows(int64_t batch_id);

  // --- audit
  // Appends a record for a change that has no table of its own (a reload).
  Status AppendAudit(const Actor& actor, const std::string& action, const std::string& object_type,
                     const std::string& object_id, const nlohmann::json& before,
                     const nlohmann::json& after);
  // `since`: a seq ("12") or an ISO time; empty for all.
  Result<nlohmann::json> ListAudit(const std::string& since, int limit);
  Result<AuditVerifyResult> VerifyAudit();

  // --- dashboard and metrics
  Result<nlohmann::json> Stats(int days);
  Result<int64_t> CountOpenAlerts();
  Result<nlohmann::json> DecisionCounts();  // {"match": n, ...}

 private:
  explicit Store(sqlite3* db);
  struct Tx;
  Status Migrate();
  Status Audit(const Actor& actor, const std::string& action, const std::string& object_type,
               const std::string& object_id, const nlohmann::json& before,
               const nlohmann::json& after);
  Result<nlohmann::json> AlertJson(int64_t id, bool full);
  Result<nlohmann::json> CaseJson(int64_t id, bool full);

  std::mutex mu_;
  sqlite3* db_;
};

}  // namespace vigil::store

#endif  // VIGIL_STORE_STORE_H_
