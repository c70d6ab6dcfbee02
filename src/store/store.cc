#include "store/store.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <set>

namespace vigil::store {
namespace {

using nlohmann::json;

// A prepared statement with positional binding; finalized on destruction.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(st_, i, v);
    return *this;
  }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : BindNull(i); }
  Stmt& Bind(int i, const std::optional<int64_t>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // True when a row is available; false when done. Errors land in status().
  bool Step() {
    if (rc_ != SQLITE_OK && rc_ != SQLITE_ROW && rc_ != SQLITE_DONE) return false;
    rc_ = sqlite3_step(st_);
    return rc_ == SQLITE_ROW;
  }
  Status Run() {
    Step();
    return status();
  }
  Status status() const {
    if (rc_ == SQLITE_OK || rc_ == SQLITE_ROW || rc_ == SQLITE_DONE) return Status::Ok();
    return Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }
  int64_t Int(int c) const { return sqlite3_column_int64(st_, c); }
  double Double(int c) const { return sqlite3_column_double(st_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
  std::string Text(int c) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, c))) : std::string();
  }
  json TextOrNull(int c) const { return IsNull(c) ? json(nullptr) : json(Text(c)); }
  json IntOrNull(int c) const { return IsNull(c) ? json(nullptr) : json(Int(c)); }
  json Json(int c) const {
    if (IsNull(c)) return nullptr;
    json j = json::parse(Text(c), nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? json(nullptr) : j;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  int rc_;
};

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "unknown";
    sqlite3_free(err);
    return Status::IOError("sqlite: " + m);
  }
  return Status::Ok();
}

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  RAND_bytes(buf.data(), static_cast<int>(bytes));
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : buf) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// Migration N brings the schema from version N-1 to N. Append, never edit.
const char* const kMigrations[] = {
    // 1: the initial schema.
    R"sql(
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE subjects (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, caption TEXT NOT NULL,
  entity_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subjects(id),
  reference TEXT NOT NULL, requested_by TEXT NOT NULL, actor TEXT NOT NULL,
  entity_json TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subjects(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  entity_id TEXT NOT NULL, entity_caption TEXT NOT NULL, dataset TEXT NOT NULL,
  score REAL NOT NULL, explanation_json TEXT NOT NULL, entity_json TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','match','no_match','escalated','suppressed')),
  suppressed_by INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX alerts_subject_entity ON alerts(subject_id, entity_id, id);
CREATE INDEX alerts_status ON alerts(status, id);
CREATE TABLE screening_alerts (
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  alert_id INTEGER NOT NULL REFERENCES alerts(id), PRIMARY KEY (screening_id, alert_id));
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL REFERENCES alerts(id),
  decision TEXT NOT NULL CHECK (decision IN ('match','no_match','escalate')),
  comment TEXT NOT NULL, key_id TEXT NOT NULL, actor TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX decisions_alert ON decisions(alert_id, id);
CREATE TABLE cases (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','investigating','referred','closed')),
  counterpart TEXT, reference TEXT, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE case_links (
  case_id INTEGER NOT NULL REFERENCES cases(id), kind TEXT NOT NULL CHECK (kind IN ('alert','entity')),
  target TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (case_id, kind, target));
CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),
  author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE batches (
  id INTEGER PRIMARY KEY, status TEXT NOT NULL, total INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT);
CREATE TABLE batch_items (
  batch_id INTEGER NOT NULL REFERENCES batches(id), line INTEGER NOT NULL,
  reference TEXT NOT NULL, screening_id INTEGER, error TEXT, PRIMARY KEY (batch_id, line));
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object_type TEXT NOT NULL, object_id TEXT NOT NULL, before_json TEXT NOT NULL,
  after_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX audit_object ON audit(object_type, object_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
)sql",
};

const std::string kZeroHash(64, '0');

// Compact JSON with sorted keys (nlohmann objects are std::map-backed);
// invalid UTF-8 from a client is replaced rather than thrown.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string AuditHash(const std::string& prev_hash, int64_t seq, const std::string& at,
                      const std::string& actor, const std::string& action,
                      const std::string& object_type, const std::string& object_id,
                      const json& before, const json& after) {
  // nlohmann::json objects are std::map-backed: dump() sorts keys, and with no
  // indent it writes no whitespace, so this is the canonical form.
  json record = {{"seq", seq},
                 {"at", at},
                 {"actor", actor},
                 {"action", action},
                 {"object_type", object_type},
                 {"object_id", object_id},
                 {"before", before},
                 {"after", after}};
  return Sha256Hex(prev_hash + Dump(record));
}

const std::map<std::string, std::set<std::string>>& CaseTransitions() {
  static const std::map<std::string, std::set<std::string>> t = {
      {"open", {"investigating", "closed"}},
      {"investigating", {"referred", "closed"}},
      {"referred", {"closed"}},
      {"closed", {}},
  };
  return t;
}

int ClampPageSize(int n) { return std::clamp(n, 1, 500); }

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kAnalyst:
      return "analyst";
    case Role::kAdmin:
      return "admin";
  }
  return "viewer";
}

Result<Role> RoleFromName(std::string_view name) {
  if (name == "viewer") return Role::kViewer;
  if (name == "analyst") return Role::kAnalyst;
  if (name == "admin") return Role::kAdmin;
  return Status::InvalidArgument("role: expected viewer, analyst or admin, found \"" +
                                 std::string(name) + "\"");
}

std::string Actor::Display() const { return key_id.empty() ? name : name + " (" + key_id + ")"; }

nlohmann::json KeyInfo::ToJson() const {
  return {{"id", id},
          {"name", name},
          {"role", RoleName(role)},
          {"created_at", created_at},
          {"revoked_at", revoked_at ? json(*revoked_at) : json(nullptr)}};
}

nlohmann::json AuditVerifyResult::ToJson() const {
  json bad = nullptr;
  if (!ok) bad = {{"seq", first_bad_seq}, {"reason", reason}};
  return {{"ok", ok}, {"records", records}, {"first_bad", bad}};
}

std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string EntityFingerprint(const nlohmann::json& entity) { return Sha256Hex(Dump(entity)); }

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

// A write transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless
// Commit() succeeded.
struct Store::Tx {
  explicit Tx(sqlite3* db) : db(db) { begun = Exec(db, "BEGIN IMMEDIATE"); }
  ~Tx() {
    if (begun.ok() && !committed) Exec(db, "ROLLBACK");
  }
  Status Commit() {
    VIGIL_RETURN_IF_ERROR(begun);
    VIGIL_RETURN_IF_ERROR(Exec(db, "COMMIT"));
    committed = true;
    return Status::Ok();
  }
  sqlite3* db;
  Status begun;
  bool committed = false;
};

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  if (db_) {
    // Folds the WAL back into the database file on a clean close.
    sqlite3_close_v2(db_);
  }
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IOError(path + ": cannot open database: " + m);
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 10000);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    Status st = Exec(db, pragma);
    if (!st.ok()) return Status::IOError(path + ": " + st.message());
  }
  Status st = store->Migrate();
  if (!st.ok()) return Status(st.code(), path + ": " + st.message());
  return store;
}

Status Store::Migrate() {
  std::lock_guard lock(mu_);
  VIGIL_RETURN_IF_ERROR(Exec(db_,
                             "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  Stmt q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.Step();
  int64_t have = q.Int(0);
  int64_t want = static_cast<int64_t>(std::size(kMigrations));
  if (have > want) {
    return Status::FailedPrecondition("database schema version " + std::to_string(have) +
                                      " is newer than this vigil understands (" +
                                      std::to_string(want) + ")");
  }
  for (int64_t v = have + 1; v <= want; ++v) {
    Status st = Exec(db_, kMigrations[v - 1]);
    if (!st.ok()) return Status::Internal("migration " + std::to_string(v) + ": " + st.message());
    VIGIL_RETURN_IF_ERROR(
        Stmt(db_, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)")
            .Bind(1, v)
            .Bind(2, NowIso())
            .Run());
  }
  return tx.Commit();
}

Status Store::Audit(const Actor& actor, const std::string& action, const std::string& object_type,
                    const std::string& object_id, const json& before, const json& after) {
  Stmt last(db_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  int64_t seq = 1;
  std::string prev = kZeroHash;
  if (last.Step()) {
    seq = last.Int(0) + 1;
    prev = last.Text(1);
  }
  VIGIL_RETURN_IF_ERROR(last.status());
  std::string at = NowIso();
  std::string who = actor.Display();
  std::string hash = AuditHash(prev, seq, at, who, action, object_type, object_id, before, after);
  return Stmt(db_,
              "INSERT INTO audit(seq, at, actor, action, object_type, object_id, before_json,"
              " after_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, seq)
      .Bind(2, at)
      .Bind(3, who)
      .Bind(4, action)
      .Bind(5, object_type)
      .Bind(6, object_id)
      .Bind(7, Dump(before))
      .Bind(8, Dump(after))
      .Bind(9, prev)
      .Bind(10, hash)
      .Run();
}

Status Store::AppendAudit(const Actor& actor, const std::string& action,
                          const std::string& object_type, const std::string& object_id,
                          const json& before, const json& after) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  VIGIL_RETURN_IF_ERROR(Audit(actor, action, object_type, object_id, before, after));
  return tx.Commit();
}

// ---------------------------------------------------------------- keys

namespace {
KeyInfo KeyFromRow(const Stmt& s) {
  KeyInfo k;
  k.id = s.Text(0);
  k.name = s.Text(1);
  auto role = RoleFromName(s.Text(2));
  k.role = role.ok() ? *role : Role::kViewer;
  k.created_at = s.Text(3);
  if (!s.IsNull(4)) k.revoked_at = s.Text(4);
  return k;
}
}  // namespace

Result<NewKey> Store::CreateKey(const std::string& name, Role role, const Actor& actor) {
  if (name.empty() || name.size() > 200) {
    return Status::InvalidArgument("name: must be 1 to 200 bytes");
  }
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  NewKey nk;
  nk.info.id = "vk_" + RandomHex(4);
  nk.info.name = name;
  nk.info.role = role;
  nk.info.created_at = NowIso();
  nk.key = nk.info.id + "_" + RandomHex(16);
  VIGIL_RETURN_IF_ERROR(Stmt(db_,
                             "INSERT INTO api_keys(id, name, role, key_hash, created_at)"
                             " VALUES (?,?,?,?,?)")
                            .Bind(1, nk.info.id)
                            .Bind(2, name)
                            .Bind(3, RoleName(role))
                            .Bind(4, Sha256Hex(nk.key))
                            .Bind(5, nk.info.created_at)
                            .Run());
  VIGIL_RETURN_IF_ERROR(Audit(actor, "key.create", "key", nk.info.id, nullptr, nk.info.ToJson()));
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return nk;
}

Result<KeyInfo> Store::Authenticate(std::string_view key) {
  if (key.empty() || key.size() > 200) return Status::Unauthenticated("invalid API key");
  std::string hash = Sha256Hex(key);
  std::lock_guard lock(mu_);
  Stmt s(db_, "SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE key_hash = ?");
  s.Bind(1, hash);
  if (!s.Step()) {
    VIGIL_RETURN_IF_ERROR(s.status());
    return Status::Unauthenticated("invalid API key");
  }
  KeyInfo k = KeyFromRow(s);
  if (k.revoked_at) return Status::Unauthenticated("API key " + k.id + " was revoked");
  return k;
}

Result<std::vector<KeyInfo>> Store::ListKeys() {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, id");
  std::vector<KeyInfo> out;
  while (s.Step()) out.push_back(KeyFromRow(s));
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

Result<KeyInfo> Store::RevokeKey(const std::string& id, const Actor& actor) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  Stmt s(db_, "SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) {
    VIGIL_RETURN_IF_ERROR(s.status());
    return Status::NotFound("no API key with id \"" + id + "\"");
  }
  KeyInfo k = KeyFromRow(s);
  if (k.revoked_at) return k;
  json before = k.ToJson();
  k.revoked_at = NowIso();
  VIGIL_RETURN_IF_ERROR(Stmt(db_, "UPDATE api_keys SET revoked_at = ? WHERE id = ?")
                            .Bind(1, *k.revoked_at)
                            .Bind(2, id)
                            .Run());
  VIGIL_RETURN_IF_ERROR(Audit(actor, "key.revoke", "key", id, before, k.ToJson()));
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return k;
}

// ---------------------------------------------------------------- alerts

namespace {
constexpr const char* kAlertColumns =
    "a.id, a.status, a.score, a.dataset, a.subject_id, s.caption, sc.reference, a.entity_id,"
    " a.entity_caption, a.screening_id, a.fingerprint, a.suppressed_by, a.created_at,"
    " a.updated_at, a.explanation_json, a.entity_json, sc.entity_json, sc.actor"
    " FROM alerts a JOIN subjects s ON s.id = a.subject_id"
    " JOIN screenings sc ON sc.id = a.screening_id";

json AlertSummary(const Stmt& s) {
  return {{"id", s.Int(0)},           {"status", s.Text(1)},       {"score", s.Double(2)},
          {"dataset", s.Text(3)},     {"subject_id", s.Int(4)},    {"subject_caption", s.Text(5)},
          {"reference", s.Text(6)},   {"entity_id", s.Text(7)},    {"entity_caption", s.Text(8)},
          {"screening_id", s.Int(9)}, {"fingerprint", s.Text(10)}, {"suppressed_by", nullptr},
          {"created_at", s.Text(12)}, {"updated_at", s.Text(13)}};
}
}  // namespace

Result<json> Store::AlertJson(int64_t id, bool full) {
  std::string sql = std::string("SELECT ") + kAlertColumns + " WHERE a.id = ?";
  Stmt s(db_, sql.c_str());
  s.Bind(1, id);
  if (!s.Step()) {
    VIGIL_RETURN_IF_ERROR(s.status());
    return Status::NotFound("no alert with id " + std::to_string(id));
  }
  json a = AlertSummary(s);
  if (!s.IsNull(11)) {
    Stmt d(db_,
           "SELECT d.id, d.alert_id, d.actor, d.created_at, d.comment FROM decisions d"
           " WHERE d.id = ?");
    d.Bind(1, s.Int(11));
    if (d.Step()) {
      a["suppressed_by"] = {{"alert_id", d.Int(1)},
                            {"decision_id", d.Int(0)},
                            {"decided_by", d.Text(2)},
                            {"decided_at", d.Text(3)},
                            {"comment", d.Text(4)}};
    }
  }
  if (!full) return a;
  a["explanation"] = s.Json(14);
  a["entity"] = s.Json(15);
  a["subject"] = s.Json(16);
  json history = json::array();
  history.push_back({{"at", s.Text(12)},
                     {"action", "created"},
                     {"actor", s.Text(17)},
                     {"status", a["suppressed_by"].is_null() ? "open" : "suppressed"},
                     {"comment", nullptr}});
  Stmt d(db_,
         "SELECT id, decision, comment, actor, created_at FROM decisions WHERE alert_id = ?"
         " ORDER BY id");
  d.Bind(1, id);
  while (d.Step()) {
    std::string decision = d.Text(1);
    history.push_back({{"at", d.Text(4)},
                       {"action", "decision"},
                       {"actor", d.Text(3)},
                       {"decision", decision},
                       {"status", decision == "escalate" ? "escalated" : decision},
                       {"comment", d.Text(2)},
                       {"decision_id", d.Int(0)}});
  }
  VIGIL_RETURN_IF_ERROR(d.status());
  a["history"] = std::move(history);
  return a;
}

Result<json> Store::RecordScreening(const ScreeningInput& in, const std::vector<HitRecord>& hits,
                                    const Actor& actor) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  std::string now = NowIso();
  std::string subject_json = Dump(in.subject);
  VIGIL_RETURN_IF_ERROR(
      Stmt(db_,
           "INSERT INTO subjects(key, caption, entity_json, created_at, updated_at)"
           " VALUES (?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET"
           " caption = excluded.caption, entity_json = excluded.entity_json,"
           " updated_at = excluded.updated_at")
          .Bind(1, in.subject_key)
          .Bind(2, in.caption)
          .Bind(3, subject_json)
          .Bind(4, now)
          .Bind(5, now)
          .Run());
  Stmt sid(db_, "SELECT id FROM subjects WHERE key = ?");
  sid.Bind(1, in.subject_key);
  if (!sid.Step()) return Status::Internal("subject row vanished");
  int64_t subject_id = sid.Int(0);

  VIGIL_RETURN_IF_ERROR(Stmt(db_,
                             "INSERT INTO screenings(subject_id, reference, requested_by, actor,"
                             " entity_json, created_at) VALUES (?,?,?,?,?,?)")
                            .Bind(1, subject_id)
                            .Bind(2, in.reference)
                            .Bind(3, in.requested_by)
                            .Bind(4, actor.Display())
                            .Bind(5, subject_json)
                            .Bind(6, now)
                            .Run());
  int64_t screening_id = sqlite3_last_insert_rowid(db_);

  struct Outcome {
    int64_t alert_id;
    bool is_new;
  };
  std::vector<Outcome> outcomes;
  int suppressed = 0;
  for (const HitRecord& hit : hits) {
    std::string fp = EntityFingerprint(hit.entity);
    Stmt last(db_,
              "SELECT id, status, fingerprint, suppressed_by FROM alerts"
              " WHERE subject_id = ? AND entity_id = ? ORDER BY id DESC LIMIT 1");
    last.Bind(1, subject_id).Bind(2, hit.entity_id);
    std::optional<int64_t> suppressed_by;
    if (last.Step() && last.Text(2) == fp) {
      std::string status = last.Text(1);
      if (status == "open" || status == "escalated" || status == "match") {
        outcomes.push_back({last.Int(0), false});
        continue;
      }
      if (status == "suppressed" && !last.IsNull(3)) {
        suppressed_by = last.Int(3);
      } else if (status == "no_match") {
        Stmt d(db_, "SELECT MAX(id) FROM decisions WHERE alert_id = ? AND decision = 'no_match'");
        d.Bind(1, last.Int(0));
        if (d.Step() && !d.IsNull(0)) suppressed_by = d.Int(0);
      }
    }
    VIGIL_RETURN_IF_ERROR(last.status());
    std::string status = suppressed_by ? "suppressed" : "open";
    VIGIL_RETURN_IF_ERROR(Stmt(db_,
                               "INSERT INTO alerts(subject_id, screening_id, entity_id,"
                               " entity_caption, dataset, score, explanation_json, entity_json,"
                               " fingerprint, status, suppressed_by, created_at, updated_at)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                              .Bind(1, subject_id)
                              .Bind(2, screening_id)
                              .Bind(3, hit.entity_id)
                              .Bind(4, hit.entity_caption)
                              .Bind(5, hit.dataset)
                              .Bind(6, hit.score)
                              .Bind(7, Dump(hit.explanation))
                              .Bind(8, Dump(hit.entity))
                              .Bind(9, fp)
                              .Bind(10, status)
                              .Bind(11, suppressed_by)
                              .Bind(12, now)
                              .Bind(13, now)
                              .Run());
    int64_t alert_id = sqlite3_last_insert_rowid(db_);
    if (suppressed_by) ++suppressed;
    json after = {{"status", status},           {"subject_id", subject_id},
                  {"entity_id", hit.entity_id}, {"dataset", hit.dataset},
                  {"score", hit.score},         {"fingerprint", fp}};
    if (suppressed_by) after["suppressed_by_decision"] = *suppressed_by;
    VIGIL_RETURN_IF_ERROR(
        Audit(actor, "alert.create", "alert", std::to_string(alert_id), nullptr, after));
    outcomes.push_back({alert_id, true});
  }
  std::vector<int64_t> ids;
  for (const Outcome& o : outcomes) {
    ids.push_back(o.alert_id);
    VIGIL_RETURN_IF_ERROR(
        Stmt(db_, "INSERT OR IGNORE INTO screening_alerts(screening_id, alert_id) VALUES (?,?)")
            .Bind(1, screening_id)
            .Bind(2, o.alert_id)
            .Run());
  }
  VIGIL_RETURN_IF_ERROR(Audit(actor, "screening.create", "screening", std::to_string(screening_id),
                              nullptr,
                              {{"subject_id", subject_id},
                               {"subject_key", in.subject_key},
                               {"reference", in.reference},
                               {"requested_by", in.requested_by},
                               {"alert_ids", ids},
                               {"suppressed", suppressed}}));
  json alerts = json::array();
  for (const Outcome& o : outcomes) {
    auto a = AlertJson(o.alert_id, /*full=*/true);
    if (!a.ok()) return a.status();
    json& j = *a;
    j.erase("history");
    j.erase("subject");
    j["new"] = o.is_new;
    alerts.push_back(std::move(j));
  }
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return json{{"screening_id", screening_id},
              {"subject", {{"id", subject_id}, {"key", in.subject_key}, {"entity", in.subject}}},
              {"reference", in.reference},
              {"requested_by", in.requested_by},
              {"alerts", std::move(alerts)},
              {"suppressed", suppressed},
              {"created_at", now}};
}

Result<json> Store::ListAlerts(const AlertFilter& f) {
  static const std::map<std::string, std::string> kOrder = {
      {"-created_at", "a.id DESC"},
      {"created_at", "a.id ASC"},
      {"-score", "a.score DESC, a.id DESC"},
      {"score", "a.score ASC, a.id DESC"},
  };
  auto order = kOrder.find(f.sort);
  if (order == kOrder.end()) {
    return Status::InvalidArgument("sort: expected created_at, -created_at, score or -score");
  }
  // Every value is bound as a parameter; only fixed SQL text is concatenated.
  std::string where = " WHERE 1=1";
  std::vector<std::function<void(Stmt&, int)>> binds;
  auto add = [&](const std::string& clause, auto value) {
    where += " AND " + clause;
    binds.push_back([value](Stmt& s, int i) { s.Bind(i, value); });
  };
  if (!f.statuses.empty()) {
    where += " AND a.status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) {
      where += i ? ",?" : "?";
      binds.push_back([v = f.statuses[i]](Stmt& s, int n) { s.Bind(n, v); });
    }
    where += ")";
  }
  if (!f.dataset.empty()) add("a.dataset = ?", f.dataset);
  if (f.min_score) add("a.score >= ?", *f.min_score);
  if (f.max_score) add(*f.max_score >= 1.0 ? "a.score <= ?" : "a.score < ?", *f.max_score);
  if (f.subject_id) add("a.subject_id = ?", *f.subject_id);
  if (!f.since.empty()) add("a.created_at >= ?", f.since);
  if (!f.until.empty()) add("a.created_at < ?", f.until);
  int page_size = ClampPageSize(f.page_size);
  int page = std::max(1, f.page);
  auto bind = [&](Stmt& s) {
    for (size_t i = 0; i < binds.size(); ++i) binds[i](s, static_cast<int>(i + 1));
  };
  std::lock_guard lock(mu_);
  std::string count_sql = "SELECT COUNT(*) FROM alerts a" + where;
  Stmt c(db_, count_sql.c_str());
  bind(c);
  c.Step();
  VIGIL_RETURN_IF_ERROR(c.status());
  int64_t total = c.Int(0);
  std::string sql = std::string("SELECT ") + kAlertColumns + where + " ORDER BY " + order->second +
                    " LIMIT ? OFFSET ?";
  Stmt s(db_, sql.c_str());
  bind(s);
  int n = static_cast<int>(binds.size());
  s.Bind(n + 1, page_size).Bind(n + 2, static_cast<int64_t>(page - 1) * page_size);
  std::vector<int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  VIGIL_RETURN_IF_ERROR(s.status());
  json alerts = json::array();
  for (int64_t id : ids) {
    auto a = AlertJson(id, false);
    if (!a.ok()) return a.status();
    alerts.push_back(std::move(*a));
  }
  return json{
      {"alerts", std::move(alerts)}, {"page", page}, {"page_size", page_size}, {"total", total}};
}

Result<json> Store::GetAlert(int64_t id) {
  std::lock_guard lock(mu_);
  return AlertJson(id, true);
}

Result<json> Store::Decide(int64_t alert_id, const std::string& decision,
                           const std::string& comment, const Actor& actor) {
  std::string status;
  if (decision == "match") {
    status = "match";
  } else if (decision == "no_match") {
    status = "no_match";
  } else if (decision == "escalate") {
    status = "escalated";
  } else {
    return Status::InvalidArgument("decision: expected match, no_match or escalate, found \"" +
                                   decision + "\"");
  }
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  Stmt cur(db_, "SELECT status FROM alerts WHERE id = ?");
  cur.Bind(1, alert_id);
  if (!cur.Step()) {
    VIGIL_RETURN_IF_ERROR(cur.status());
    return Status::NotFound("no alert with id " + std::to_string(alert_id));
  }
  std::string before = cur.Text(0);
  std::string now = NowIso();
  VIGIL_RETURN_IF_ERROR(Stmt(db_,
                             "INSERT INTO decisions(alert_id, decision, comment, key_id, actor,"
                             " created_at) VALUES (?,?,?,?,?,?)")
                            .Bind(1, alert_id)
                            .Bind(2, decision)
                            .Bind(3, comment)
                            .Bind(4, actor.key_id)
                            .Bind(5, actor.Display())
                            .Bind(6, now)
                            .Run());
  int64_t decision_id = sqlite3_last_insert_rowid(db_);
  VIGIL_RETURN_IF_ERROR(Stmt(db_, "UPDATE alerts SET status = ?, updated_at = ? WHERE id = ?")
                            .Bind(1, status)
                            .Bind(2, now)
                            .Bind(3, alert_id)
                            .Run());
  VIGIL_RETURN_IF_ERROR(Audit(actor, "alert.decision", "alert", std::to_string(alert_id),
                              {{"status", before}},
                              {{"status", status},
                               {"decision", decision},
                               {"decision_id", decision_id},
                               {"comment", comment}}));
  auto a = AlertJson(alert_id, false);
  if (!a.ok()) return a.status();
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return json{{"decision_id", decision_id}, {"alert", std::move(*a)}};
}

// ---------------------------------------------------------------- cases

Result<json> Store::CaseJson(int64_t id, bool full) {
  Stmt s(db_,
         "SELECT id, title, description, status, counterpart, reference, created_by, created_at,"
         " updated_at FROM cases WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) {
    VIGIL_RETURN_IF_ERROR(s.status());
    return Status::NotFound("no case with id " + std::to_string(id));
  }
  json c = {{"id", s.Int(0)},
            {"title", s.Text(1)},
            {"description", s.Text(2)},
            {"status", s.Text(3)},
            {"counterpart", s.TextOrNull(4)},
            {"reference", s.TextOrNull(5)},
            {"created_by", s.Text(6)},
            {"created_at", s.Text(7)},
            {"updated_at", s.Text(8)}};
  json alert_ids = json::array(), entity_ids = json::array();
  Stmt l(db_, "SELECT kind, target FROM case_links WHERE case_id = ? ORDER BY rowid");
  l.Bind(1, id);
  while (l.Step()) {
    if (l.Text(0) == "alert") {
      alert_ids.push_back(std::stoll(l.Text(1)));
    } else {
      entity_ids.push_back(l.Text(1));
    }
  }
  VIGIL_RETURN_IF_ERROR(l.status());
  c["alert_ids"] = std::move(alert_ids);
  c["entity_ids"] = std::move(entity_ids);
  if (!full) return c;
  json notes = json::array();
  Stmt n(db_, "SELECT id, author, text, created_at FROM case_notes WHERE case_id = ? ORDER BY id");
  n.Bind(1, id);
  while (n.Step()) {
    notes.push_back(
        {{"id", n.Int(0)}, {"author", n.Text(1)}, {"text", n.Text(2)}, {"created_at", n.Text(3)}});
  }
  VIGIL_RETURN_IF_ERROR(n.status());
  c["notes"] = std::move(notes);
  // The timeline is the case's audit records: one source of truth.
  json timeline = json::array();
  Stmt t(db_,
         "SELECT at, actor, action, after_json FROM audit WHERE object_type = 'case'"
         " AND object_id = ? ORDER BY seq");
  t.Bind(1, std::to_string(id));
  while (t.Step()) {
    std::string action = t.Text(2);
    std::string kind = action.rfind("case.", 0) == 0 ? action.substr(5) : action;
    if (kind == "create") kind = "created";
    timeline.push_back(
        {{"at", t.Text(0)}, {"actor", t.Text(1)}, {"kind", kind}, {"detail", t.Json(3)}});
  }
  VIGIL_RETURN_IF_ERROR(t.status());
  c["timeline"] = std::move(timeline);
  return c;
}

namespace {
// Adds links inside the caller's transaction; NotFound for unknown alerts.
Status AddLinks(sqlite3* db, int64_t case_id, const std::vector<int64_t>& alert_ids,
                const std::vector<std::string>& entity_ids, const std::string& now) {
  for (int64_t a : alert_ids) {
    Stmt e(db, "SELECT 1 FROM alerts WHERE id = ?");
    e.Bind(1, a);
    if (!e.Step()) {
      VIGIL_RETURN_IF_ERROR(e.status());
      return Status::NotFound("alert_ids: no alert with id " + std::to_string(a));
    }
    VIGIL_RETURN_IF_ERROR(Stmt(db,
                               "INSERT OR IGNORE INTO case_links(case_id, kind, target, created_at)"
                               " VALUES (?, 'alert', ?, ?)")
                              .Bind(1, case_id)
                              .Bind(2, std::to_string(a))
                              .Bind(3, now)
                              .Run());
  }
  for (const std::string& id : entity_ids) {
    if (id.empty()) return Status::InvalidArgument("entity_ids: empty id");
    VIGIL_RETURN_IF_ERROR(Stmt(db,
                               "INSERT OR IGNORE INTO case_links(case_id, kind, target, created_at)"
                               " VALUES (?, 'entity', ?, ?)")
                              .Bind(1, case_id)
                              .Bind(2, id)
                              .Bind(3, now)
                              .Run());
  }
  return Status::Ok();
}
}  // namespace

Result<json> Store::CreateCase(const std::string& title, const std::string& description,
                               const std::vector<int64_t>& alert_ids,
                               const std::vector<std::string>& entity_ids, const Actor& actor) {
  if (title.empty()) return Status::InvalidArgument("title: required");
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  std::string now = NowIso();
  VIGIL_RETURN_IF_ERROR(Stmt(db_,
                             "INSERT INTO cases(title, description, status, created_by,"
                             " created_at, updated_at) VALUES (?,?, 'open', ?,?,?)")
                            .Bind(1, title)
                            .Bind(2, description)
                            .Bind(3, actor.Display())
                            .Bind(4, now)
                            .Bind(5, now)
                            .Run());
  int64_t id = sqlite3_last_insert_rowid(db_);
  VIGIL_RETURN_IF_ERROR(AddLinks(db_, id, alert_ids, entity_ids, now));
  VIGIL_RETURN_IF_ERROR(Audit(actor, "case.create", "case", std::to_string(id), nullptr,
                              {{"title", title},
                               {"description", description},
                               {"status", "open"},
                               {"alert_ids", alert_ids},
                               {"entity_ids", entity_ids}}));
  auto c = CaseJson(id, true);
  if (!c.ok()) return c.status();
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<json> Store::ListCases(const std::string& status, int page, int page_size) {
  std::lock_guard lock(mu_);
  page_size = ClampPageSize(page_size);
  page = std::max(1, page);
  std::string where = status.empty() ? "" : " WHERE status = ?1";
  std::string count_sql = "SELECT COUNT(*) FROM cases" + where;
  Stmt c(db_, count_sql.c_str());
  if (!status.empty()) c.Bind(1, status);
  c.Step();
  VIGIL_RETURN_IF_ERROR(c.status());
  int64_t total = c.Int(0);
  std::string sql = "SELECT id FROM cases" + where + " ORDER BY id DESC LIMIT ?2 OFFSET ?3";
  Stmt s(db_, sql.c_str());
  if (!status.empty()) s.Bind(1, status);
  s.Bind(2, page_size).Bind(3, static_cast<int64_t>(page - 1) * page_size);
  std::vector<int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  VIGIL_RETURN_IF_ERROR(s.status());
  json cases = json::array();
  for (int64_t id : ids) {
    auto one = CaseJson(id, false);
    if (!one.ok()) return one.status();
    cases.push_back(std::move(*one));
  }
  return json{
      {"cases", std::move(cases)}, {"page", page}, {"page_size", page_size}, {"total", total}};
}

Result<json> Store::GetCase(int64_t id) {
  std::lock_guard lock(mu_);
  return CaseJson(id, true);
}

Result<json> Store::UpdateCase(int64_t id, const CaseUpdate& u, const Actor& actor) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  auto cur = CaseJson(id, false);
  if (!cur.ok()) return cur.status();
  const json& c = *cur;
  std::string now = NowIso();
  if (u.title || u.description) {
    if (u.title && u.title->empty()) return Status::InvalidArgument("title: must not be empty");
    json before = {{"title", c["title"]}, {"description", c["description"]}};
    json after = {
        {"title", u.title ? *u.title : c["title"].get<std::string>()},
        {"description", u.description ? *u.description : c["description"].get<std::string>()}};
    VIGIL_RETURN_IF_ERROR(
        Stmt(db_, "UPDATE cases SET title = ?, description = ?, updated_at = ? WHERE id = ?")
            .Bind(1, after["title"].get<std::string>())
            .Bind(2, after["description"].get<std::string>())
            .Bind(3, now)
            .Bind(4, id)
            .Run());
    VIGIL_RETURN_IF_ERROR(Audit(actor, "case.update", "case", std::to_string(id), before, after));
  }
  if (u.status) {
    std::string from = c["status"];
    const auto& t = CaseTransitions();
    if (!t.count(*u.status)) {
      return Status::InvalidArgument(
          "status: expected open, investigating, referred or closed, found \"" + *u.status + "\"");
    }
    if (!t.at(from).count(*u.status)) {
      return Status::FailedPrecondition("case " + std::to_string(id) + " cannot go from " + from +
                                        " to " + *u.status);
    }
    std::optional<std::string> counterpart = u.counterpart;
    std::optional<std::string> reference = u.reference;
    if (!counterpart && c["counterpart"].is_string()) counterpart = c["counterpart"];
    if (!reference && c["reference"].is_string()) reference = c["reference"];
    if (*u.status == "referred" &&
        (!counterpart || counterpart->empty() || !reference || reference->empty())) {
      return Status::InvalidArgument(
          "referred: counterpart and reference (the partner agency and its reference) are "
          "required");
    }
    VIGIL_RETURN_IF_ERROR(Stmt(db_,
                               "UPDATE cases SET status = ?, counterpart = ?, reference = ?,"
                               " updated_at = ? WHERE id = ?")
                              .Bind(1, *u.status)
                              .Bind(2, counterpart)
                              .Bind(3, reference)
                              .Bind(4, now)
                              .Bind(5, id)
                              .Run());
    json detail = {{"from", from}, {"to", *u.status}};
    if (counterpart) detail["counterpart"] = *counterpart;
    if (reference) detail["reference"] = *reference;
    if (u.comment) detail["comment"] = *u.comment;
    VIGIL_RETURN_IF_ERROR(
        Audit(actor, "case.status", "case", std::to_string(id), {{"status", from}}, detail));
  } else if (u.counterpart || u.reference) {
    return Status::InvalidArgument("counterpart/reference: only set together with a status change");
  }
  auto out = CaseJson(id, true);
  if (!out.ok()) return out.status();
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<json> Store::AddCaseNote(int64_t id, const std::string& text, const Actor& actor) {
  if (text.empty()) return Status::InvalidArgument("text: required");
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  auto c = CaseJson(id, false);
  if (!c.ok()) return c.status();
  std::string now = NowIso();
  VIGIL_RETURN_IF_ERROR(
      Stmt(db_, "INSERT INTO case_notes(case_id, author, text, created_at) VALUES (?,?,?,?)")
          .Bind(1, id)
          .Bind(2, actor.Display())
          .Bind(3, text)
          .Bind(4, now)
          .Run());
  int64_t note_id = sqlite3_last_insert_rowid(db_);
  VIGIL_RETURN_IF_ERROR(
      Stmt(db_, "UPDATE cases SET updated_at = ? WHERE id = ?").Bind(1, now).Bind(2, id).Run());
  VIGIL_RETURN_IF_ERROR(Audit(actor, "case.note", "case", std::to_string(id), nullptr,
                              {{"note_id", note_id}, {"text", text}}));
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return json{{"id", note_id}, {"author", actor.Display()}, {"text", text}, {"created_at", now}};
}

Result<json> Store::LinkCase(int64_t id, const std::vector<int64_t>& alert_ids,
                             const std::vector<std::string>& entity_ids, const Actor& actor) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  auto c = CaseJson(id, false);
  if (!c.ok()) return c.status();
  std::string now = NowIso();
  VIGIL_RETURN_IF_ERROR(AddLinks(db_, id, alert_ids, entity_ids, now));
  VIGIL_RETURN_IF_ERROR(
      Stmt(db_, "UPDATE cases SET updated_at = ? WHERE id = ?").Bind(1, now).Bind(2, id).Run());
  VIGIL_RETURN_IF_ERROR(Audit(actor, "case.link", "case", std::to_string(id), nullptr,
                              {{"alert_ids", alert_ids}, {"entity_ids", entity_ids}}));
  auto out = CaseJson(id, true);
  if (!out.ok()) return out.status();
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return out;
}

// ---------------------------------------------------------------- batches

Result<int64_t> Store::CreateBatch(int64_t total, const Actor& actor) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  VIGIL_RETURN_IF_ERROR(Stmt(db_,
                             "INSERT INTO batches(status, total, created_by, created_at)"
                             " VALUES ('running', ?, ?, ?)")
                            .Bind(1, total)
                            .Bind(2, actor.Display())
                            .Bind(3, NowIso())
                            .Run());
  int64_t id = sqlite3_last_insert_rowid(db_);
  VIGIL_RETURN_IF_ERROR(Audit(actor, "batch.create", "batch", "b_" + std::to_string(id), nullptr,
                              {{"total", total}}));
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status Store::RecordBatchItem(int64_t batch_id, int64_t line, const std::string& reference,
                              std::optional<int64_t> screening_id, const std::string& error) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  VIGIL_RETURN_IF_ERROR(tx.begun);
  Stmt ins(db_,
           "INSERT OR REPLACE INTO batch_items(batch_id, line, reference, screening_id, error)"
           " VALUES (?,?,?,?,?)");
  ins.Bind(1, batch_id).Bind(2, line).Bind(3, reference).Bind(4, screening_id);
  if (error.empty()) {
    ins.BindNull(5);
  } else {
    ins.Bind(5, error);
  }
  VIGIL_RETURN_IF_ERROR(ins.Run());
  VIGIL_RETURN_IF_ERROR(
      Stmt(db_, "UPDATE batches SET done = done + 1, failed = failed + ? WHERE id = ?")
          .Bind(1, error.empty() ? 0 : 1)
          .Bind(2, batch_id)
          .Run());
  return tx.Commit();
}

Status Store::FinishBatch(int64_t batch_id, const std::string& status) {
  std::lock_guard lock(mu_);
  return Stmt(db_, "UPDATE batches SET status = ?, finished_at = ? WHERE id = ?")
      .Bind(1, status)
      .Bind(2, NowIso())
      .Bind(3, batch_id)
      .Run();
}

Status Store::FailInterruptedBatches() {
  std::lock_guard lock(mu_);
  return Stmt(db_, "UPDATE batches SET status = 'failed', finished_at = ? WHERE status = 'running'")
      .Bind(1, NowIso())
      .Run();
}

Result<json> Store::GetBatch(int64_t batch_id) {
  std::lock_guard lock(mu_);
  Stmt b(db_,
         "SELECT id, status, total, done, failed, created_by, created_at, finished_at FROM batches"
         " WHERE id = ?");
  b.Bind(1, batch_id);
  if (!b.Step()) {
    VIGIL_RETURN_IF_ERROR(b.status());
    return Status::NotFound("no batch with id b_" + std::to_string(batch_id));
  }
  json out = {{"id", "b_" + std::to_string(b.Int(0))},
              {"status", b.Text(1)},
              {"total", b.Int(2)},
              {"done", b.Int(3)},
              {"failed", b.Int(4)},
              {"created_by", b.Text(5)},
              {"created_at", b.Text(6)},
              {"finished_at", b.TextOrNull(7)}};
  json results = json::array();
  int64_t alerts = 0;
  Stmt i(db_,
         "SELECT i.line, i.reference, i.screening_id, i.error, s.subject_id FROM batch_items i"
         " LEFT JOIN screenings s ON s.id = i.screening_id WHERE i.batch_id = ? ORDER BY i.line");
  i.Bind(1, batch_id);
  while (i.Step()) {
    json ids = json::array();
    if (!i.IsNull(2)) {
      Stmt a(db_, "SELECT alert_id FROM screening_alerts WHERE screening_id = ? ORDER BY alert_id");
      a.Bind(1, i.Int(2));
      while (a.Step()) ids.push_back(a.Int(0));
    }
    alerts += static_cast<int64_t>(ids.size());
    results.push_back({{"line", i.Int(0)},
                       {"reference", i.Text(1)},
                       {"subject_id", i.IntOrNull(4)},
                       {"screening_id", i.IntOrNull(2)},
                       {"alert_ids", std::move(ids)},
                       {"error", i.TextOrNull(3)}});
  }
  VIGIL_RETURN_IF_ERROR(i.status());
  out["alerts"] = alerts;
  out["results"] = std::move(results);
  return out;
}

Result<std::vector<std::vector<std::string>>> Store::BatchResultRows(int64_t batch_id) {
  std::lock_guard lock(mu_);
  Stmt b(db_, "SELECT 1 FROM batches WHERE id = ?");
  b.Bind(1, batch_id);
  if (!b.Step()) return Status::NotFound("no batch with id b_" + std::to_string(batch_id));
  std::vector<std::vector<std::string>> rows;
  Stmt s(db_,
         "SELECT i.line, i.reference, sc.subject_id, su.caption, a.id, a.status, a.entity_id,"
         " a.entity_caption, a.dataset, a.score, i.error FROM batch_items i"
         " LEFT JOIN screenings sc ON sc.id = i.screening_id"
         " LEFT JOIN subjects su ON su.id = sc.subject_id"
         " LEFT JOIN screening_alerts sa ON sa.screening_id = i.screening_id"
         " LEFT JOIN alerts a ON a.id = sa.alert_id"
         " WHERE i.batch_id = ? ORDER BY i.line, a.score DESC");
  s.Bind(1, batch_id);
  while (s.Step()) {
    char score[32] = "";
    if (!s.IsNull(9)) std::snprintf(score, sizeof score, "%.4f", s.Double(9));
    rows.push_back({std::to_string(s.Int(0)), s.Text(1), s.IsNull(2) ? "" : s.Text(2), s.Text(3),
                    s.IsNull(4) ? "" : s.Text(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8), score,
                    s.Text(10)});
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  return rows;
}

// ---------------------------------------------------------------- audit

Result<json> Store::ListAudit(const std::string& since, int limit) {
  limit = std::clamp(limit, 1, 1000);
  bool by_seq = !since.empty() && std::all_of(since.begin(), since.end(), ::isdigit);
  std::lock_guard lock(mu_);
  std::string sql =
      "SELECT seq, at, actor, action, object_type, object_id, before_json, after_json, prev_hash,"
      " hash FROM audit";
  if (by_seq) {
    sql += " WHERE seq > ?1";
  } else if (!since.empty()) {
    sql += " WHERE at >= ?1";
  }
  sql += " ORDER BY seq LIMIT ?2";
  Stmt s(db_, sql.c_str());
  if (by_seq) {
    s.Bind(1, static_cast<int64_t>(std::stoll(since.substr(0, 18))));
  } else if (!since.empty()) {
    s.Bind(1, since);
  }
  s.Bind(2, limit);
  json records = json::array();
  json next = nullptr;
  while (s.Step()) {
    next = s.Int(0);
    records.push_back({{"seq", s.Int(0)},
                       {"at", s.Text(1)},
                       {"actor", s.Text(2)},
                       {"action", s.Text(3)},
                       {"object_type", s.Text(4)},
                       {"object_id", s.Text(5)},
                       {"before", s.Json(6)},
                       {"after", s.Json(7)},
                       {"prev_hash", s.Text(8)},
                       {"hash", s.Text(9)}});
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  return json{{"records", std::move(records)}, {"next", next}};
}

Result<AuditVerifyResult> Store::VerifyAudit() {
  std::lock_guard lock(mu_);
  AuditVerifyResult r;
  Stmt s(db_,
         "SELECT seq, at, actor, action, object_type, object_id, before_json, after_json,"
         " prev_hash, hash FROM audit ORDER BY seq");
  std::string prev = kZeroHash;
  int64_t expected = 1;
  auto bad = [&](int64_t seq, std::string reason) {
    r.ok = false;
    r.first_bad_seq = seq;
    r.reason = std::move(reason);
  };
  while (s.Step()) {
    ++r.records;
    int64_t seq = s.Int(0);
    if (seq != expected) {
      bad(seq, "record " + std::to_string(expected) +
                   (seq > expected ? " is missing (deleted)" : " is out of order"));
      break;
    }
    if (s.Text(8) != prev) {
      bad(seq, "prev_hash does not match the hash of record " + std::to_string(seq - 1) +
                   " (a record was deleted, reordered or edited)");
      break;
    }
    json before = json::parse(s.Text(6), nullptr, false);
    json after = json::parse(s.Text(7), nullptr, false);
    if (before.is_discarded() || after.is_discarded()) {
      bad(seq, "before/after is not valid JSON: record edited");
      break;
    }
    std::string h =
        AuditHash(prev, seq, s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), before, after);
    if (h != s.Text(9)) {
      bad(seq, "hash mismatch: record edited");
      break;
    }
    prev = h;
    ++expected;
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  // Count every record, also when verification stopped at a bad one.
  Stmt c(db_, "SELECT COUNT(*) FROM audit");
  c.Step();
  r.records = c.Int(0);
  if (!r.ok) return r;
  // The chain cannot show records cut from its end. Every decision, case and
  // key was audited in the same transaction that wrote it, so a row without
  // its audit record means records were deleted (or the row was forged).
  struct Check {
    const char* sql;
    const char* what;
  };
  static const Check kChecks[] = {
      {"SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE"
       " a.object_type = 'alert' AND a.object_id = CAST(d.alert_id AS TEXT) AND"
       " a.action = 'alert.decision' AND json_extract(a.after_json, '$.decision_id') = d.id)"
       " ORDER BY d.id LIMIT 1",
       "decision"},
      {"SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE"
       " a.object_type = 'case' AND a.object_id = CAST(c.id AS TEXT) AND"
       " a.action = 'case.create') ORDER BY c.id LIMIT 1",
       "case"},
      {"SELECT k.id FROM api_keys k WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE"
       " a.object_type = 'key' AND a.object_id = k.id AND a.action = 'key.create')"
       " ORDER BY k.id LIMIT 1",
       "API key"},
  };
  for (const Check& check : kChecks) {
    Stmt q(db_, check.sql);
    if (q.Step()) {
      r.ok = false;
      r.first_bad_seq = r.records + 1;
      r.reason = std::string(check.what) + " " + q.Text(0) +
                 " has no audit record: records were deleted from the end of the log";
      return r;
    }
    VIGIL_RETURN_IF_ERROR(q.status());
  }
  return r;
}

// ---------------------------------------------------------------- dashboard

Result<json> Store::Stats(int days) {
  days = std::clamp(days, 1, 3650);
  std::lock_guard lock(mu_);
  json out;
  json by_day = json::array();
  Stmt d(db_,
         "SELECT substr(created_at, 1, 10) AS day, COUNT(*) FROM alerts"
         " WHERE created_at >= strftime('%Y-%m-%d', 'now', ?) GROUP BY day ORDER BY day");
  d.Bind(1, "-" + std::to_string(days) + " days");
  while (d.Step()) by_day.push_back({{"day", d.Text(0)}, {"count", d.Int(1)}});
  VIGIL_RETURN_IF_ERROR(d.status());
  out["alerts_by_day"] = std::move(by_day);

  json by_status = {
      {"open", 0}, {"match", 0}, {"no_match", 0}, {"escalated", 0}, {"suppressed", 0}};
  Stmt st(db_, "SELECT status, COUNT(*) FROM alerts GROUP BY status");
  while (st.Step()) by_status[st.Text(0)] = st.Int(1);
  out["alerts_by_status"] = std::move(by_status);

  std::vector<int64_t> buckets(10, 0);
  Stmt h(db_, "SELECT MIN(CAST(score * 10 AS INTEGER), 9), COUNT(*) FROM alerts GROUP BY 1");
  while (h.Step()) buckets[static_cast<size_t>(std::clamp<int64_t>(h.Int(0), 0, 9))] += h.Int(1);
  json hist = json::array();
  for (int i = 0; i < 10; ++i) {
    hist.push_back({{"lo", i / 10.0}, {"hi", (i + 1) / 10.0}, {"count", buckets[i]}});
  }
  out["score_histogram"] = std::move(hist);

  json by_outcome = {{"match", 0}, {"no_match", 0}, {"escalate", 0}};
  Stmt o(db_, "SELECT decision, COUNT(*) FROM decisions GROUP BY decision");
  while (o.Step()) by_outcome[o.Text(0)] = o.Int(1);
  out["decisions_by_outcome"] = std::move(by_outcome);

  json by_analyst = json::array();
  Stmt a(db_,
         "SELECT d.key_id, COALESCE(k.name, d.actor),"
         " SUM(d.decision = 'match'), SUM(d.decision = 'no_match'), SUM(d.decision = 'escalate')"
         " FROM decisions d LEFT JOIN api_keys k ON k.id = d.key_id GROUP BY d.key_id"
         " ORDER BY COUNT(*) DESC");
  while (a.Step()) {
    by_analyst.push_back({{"key_id", a.Text(0)},
                          {"name", a.Text(1)},
                          {"match", a.Int(2)},
                          {"no_match", a.Int(3)},
                          {"escalate", a.Int(4)}});
  }
  out["decisions_by_analyst"] = std::move(by_analyst);

  json cases = {{"open", 0}, {"investigating", 0}, {"referred", 0}, {"closed", 0}};
  Stmt c(db_, "SELECT status, COUNT(*) FROM cases GROUP BY status");
  while (c.Step()) cases[c.Text(0)] = c.Int(1);
  out["cases_by_status"] = std::move(cases);
  return out;
}

Result<int64_t> Store::CountOpenAlerts() {
  std::lock_guard lock(mu_);
  Stmt s(db_, "SELECT COUNT(*) FROM alerts WHERE status = 'open'");
  s.Step();
  VIGIL_RETURN_IF_ERROR(s.status());
  return s.Int(0);
}

Result<json> Store::DecisionCounts() {
  std::lock_guard lock(mu_);
  json out = {{"match", 0}, {"no_match", 0}, {"escalate", 0}};
  Stmt s(db_, "SELECT decision, COUNT(*) FROM decisions GROUP BY decision");
  while (s.Step()) out[s.Text(0)] = s.Int(1);
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace vigil::store
