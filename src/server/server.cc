#include "server/server.h"

#include <httplib.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "model/embedded.h"
#include "server/validate.h"

VIGIL_DECLARE_EMBEDDED(openapi);

namespace vigil::server {

using nlohmann::json;
using store::Actor;
using store::Role;

namespace {

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string ErrorCode(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kPermissionDenied:
      return "permission_denied";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kFailedPrecondition:
      return "failed_precondition";
    case StatusCode::kResourceExhausted:
      return "resource_exhausted";
    default:
      return "internal";
  }
}

json ErrorBody(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

// What a handler answers: JSON with a status, or raw text.
struct Reply {
  int status = 200;
  json body;
  std::string text;  // used when content_type is set
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
};

Reply JsonReply(json body, int status = 200) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

// Latency histogram bucket bounds (seconds) for /metrics.
constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

std::string PromEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string CsvField(const std::string& s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
  // Cells starting with = + - @ are read as formulas by spreadsheets.
  bool formula = !s.empty() && std::string("=+-@").find(s[0]) != std::string::npos;
  std::string v = formula ? "'" + s : s;
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

class Service::Impl {
 public:
  Impl(ServerOptions options, ScreenerLoader loader, std::unique_ptr<store::Store> store)
      : options_(std::move(options)), loader_(std::move(loader)), store_(std::move(store)) {
    limits_ = {options_.max_properties, options_.max_values, options_.max_value_length};
    AddRoutes();
  }

  ~Impl() {
    Stop();
    JoinBatches();
  }

  Status LoadInitial() {
    auto s = CallLoader();
    if (!s.ok()) return s.status();
    std::lock_guard lock(screener_mu_);
    screener_ = *s;
    loaded_at_ = store::NowIso();
    return Status::Ok();
  }

  Result<int> Bind() {
    svr_.new_task_queue = [n = options_.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(std::max(1, n)));
    };
    svr_.set_payload_max_length(std::max(options_.max_body, options_.max_batch_body));
    svr_.set_read_timeout(options_.timeout_seconds, 0);
    svr_.set_write_timeout(options_.timeout_seconds, 0);
    svr_.set_keep_alive_timeout(5);
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      Dispatch(req, res);
    };
    for (const char* pattern : {".*"}) {
      svr_.Get(pattern, handler);
      svr_.Post(pattern, handler);
      svr_.Put(pattern, handler);
      svr_.Patch(pattern, handler);
      svr_.Delete(pattern, handler);
      svr_.Options(pattern, handler);
    }
    // Refuses an announced body over the route's limit before it is read
    // (only the batch route may send more than max_body).
    svr_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!req.has_header("Content-Length") || req.path == "/screenings/batch") {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      size_t length = req.get_header_value<uint64_t>("Content-Length");
      if (length <= options_.max_body) return httplib::Server::HandlerResponse::Unhandled;
      res.status = 413;
      res.set_content(
          Dump(ErrorBody("resource_exhausted", "request body is larger than " +
                                                   std::to_string(options_.max_body) + " bytes")),
          "application/json");
      res.set_header("Connection", "close");
      Log(req.method, req.path, 413, 0.0, "");
      Count("(unrouted)", req.method, 413, 0.0);
      return httplib::Server::HandlerResponse::Handled;
    });
    // Errors httplib answers before a handler runs (body too large, bad
    // request line) get the same error shape and a log line.
    svr_.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                       httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      std::string code = res.status == 413   ? "resource_exhausted"
                         : res.status == 404 ? "not_found"
                         : res.status >= 500 ? "internal"
                                             : "invalid_argument";
      std::string message =
          res.status == 413
              ? "request body is larger than " +
                    std::to_string(std::max(options_.max_body, options_.max_batch_body)) + " bytes"
              : "bad request";
      res.set_content(Dump(ErrorBody(code, message)), "application/json");
      Log(req.method, req.path, res.status, 0.0, "");
      Count("(unrouted)", req.method, res.status, 0.0);
      return httplib::Server::HandlerResponse::Handled;
    }));
    int port = options_.port;
    if (port == 0) {
      port = svr_.bind_to_any_port(options_.host);
      if (port < 0) return Status::IOError("cannot bind " + options_.host + ":0");
    } else if (!svr_.bind_to_port(options_.host, port)) {
      return Status::IOError("cannot bind " + options_.host + ":" + std::to_string(port) +
                             " (in use, or not a local address?)");
    }
    port_ = port;
    return port;
  }

  Status Run() {
    json start = {{"ts", store::NowIso()},
                  {"event", "listening"},
                  {"host", options_.host},
                  {"port", port_},
                  {"sources", options_.sources}};
    std::fprintf(stderr, "%s\n", Dump(start).c_str());
    std::fflush(stderr);
    bool ok = svr_.listen_after_bind();
    stopping_ = true;
    JoinBatches();
    std::fprintf(stderr, "%s\n", Dump({{"ts", store::NowIso()}, {"event", "stopped"}}).c_str());
    std::fflush(stderr);
    return ok || stop_requested_ ? Status::Ok() : Status::IOError("server loop failed");
  }

  void Stop() {
    stop_requested_ = true;
    stopping_ = true;
    if (svr_.is_running()) svr_.stop();
  }

  Result<json> Reload(const Actor& actor) {
    bool expected = false;
    if (!reloading_.compare_exchange_strong(expected, true)) {
      return Status::FailedPrecondition("a reload is already running");
    }
    auto started = std::chrono::steady_clock::now();
    // Built on its own thread; the caller (an admin request or the signal
    // thread) waits, while every other request keeps using the old Screener.
    auto fut = std::async(std::launch::async, [this] { return CallLoader(); });
    auto built = fut.get();
    double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    json last;
    Result<json> out = Status::Internal("unset");
    if (built.ok()) {
      {
        std::lock_guard lock(screener_mu_);
        screener_ = *built;
        loaded_at_ = store::NowIso();
      }
      json cat = CatalogJson(*built);
      last = {{"ok", true},
              {"at", store::NowIso()},
              {"message", "loaded " + std::to_string((*built)->size()) + " entities"},
              {"took_ms", took_ms}};
      out = json{{"status", "ok"},
                 {"entities", (*built)->size()},
                 {"datasets", cat["datasets"]},
                 {"took_ms", took_ms}};
      ++reloads_ok_;
    } else {
      last = {{"ok", false},
              {"at", store::NowIso()},
              {"message", built.status().ToString()},
              {"took_ms", took_ms}};
      out = Status::FailedPrecondition("reload failed, still serving the previous lists: " +
                                       built.status().ToString());
      ++reloads_failed_;
    }
    {
      std::lock_guard lock(reload_mu_);
      last_reload_ = last;
    }
    Status audited =
        store_->AppendAudit(actor, "lists.reload", "lists", options_.sources, nullptr, last);
    if (!audited.ok()) Log("RELOAD", "audit", 500, took_ms, audited.ToString());
    std::fprintf(stderr, "%s\n",
                 Dump({{"ts", store::NowIso()}, {"event", "reload"}, {"result", last}}).c_str());
    std::fflush(stderr);
    reloading_ = false;
    return out;
  }

 private:
  struct Ctx {
    const httplib::Request& req;
    std::smatch match;
    store::KeyInfo key;
    Actor actor;
    std::shared_ptr<const Screener> screener;
  };
  using Handler = std::function<Result<Reply>(Ctx&)>;
  struct Route {
    std::string method;
    std::string templ;  // "/alerts/{id}", for metrics and logs
    std::regex pattern;
    std::optional<Role> role;  // nullopt = open
    size_t body_limit;
    Handler handler;
  };

  Result<std::shared_ptr<const Screener>> CallLoader() {
    try {
      auto s = loader_();
      if (s.ok() && !*s) return Status::Internal("loader returned no screener");
      return s;
    } catch (const std::exception& e) {
      return Status::Internal(std::string("loading lists: ") + e.what());
    }
  }

  std::shared_ptr<const Screener> CurrentScreener() {
    std::lock_guard lock(screener_mu_);
    return screener_;
  }

  void Add(std::string method, std::string templ, std::optional<Role> role, Handler h,
           size_t body_limit = 0) {
    // "{id}" -> a path segment without "/".
    std::string re = std::regex_replace(templ, std::regex(R"(\{[a-z_]+\})"), "([^/]+)");
    routes_.push_back({std::move(method), std::move(templ), std::regex(re), role,
                       body_limit ? body_limit : options_.max_body, std::move(h)});
  }

  // ------------------------------------------------------------ dispatch

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    auto started = std::chrono::steady_clock::now();
    std::string templ = "(unrouted)";
    std::string key_id;
    Reply reply;
    try {
      reply = Route(req, &templ, &key_id);
    } catch (const std::exception& e) {
      reply = JsonReply(ErrorBody("internal", std::string("internal error: ") + e.what()), 500);
    }
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k.c_str(), v);
    if (!reply.content_type.empty()) {
      res.set_content(reply.text, reply.content_type.c_str());
    } else {
      res.set_content(Dump(reply.body), "application/json");
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Count(templ, req.method, reply.status, secs);
    Log(req.method, req.path, reply.status, secs * 1000.0, key_id);
  }

  Reply Route(const httplib::Request& req, std::string* templ, std::string* key_id) {
    std::string method = req.method == "HEAD" ? "GET" : req.method;
    const struct Route* route = nullptr;
    std::smatch match;
    std::set<std::string> allowed;
    if (req.path.size() > 2048) {
      return JsonReply(ErrorBody("not_found", "no such route"), 404);
    }
    for (const auto& r : routes_) {
      std::smatch m;
      if (!std::regex_match(req.path, m, r.pattern)) continue;
      allowed.insert(r.method);
      if (r.method == method && !route) {
        route = &r;
        match = m;
      }
    }
    if (!route) {
      if (allowed.empty()) return JsonReply(ErrorBody("not_found", "no such route"), 404);
      std::string list;
      for (const auto& m : allowed) list += (list.empty() ? "" : ", ") + m;
      return JsonReply(ErrorBody("method_not_allowed",
                                 req.method + " is not allowed here (allowed: " + list + ")"),
                       405);
    }
    *templ = route->templ;
    Ctx ctx{req, match, {}, {}, nullptr};
    if (route->role) {
      std::string auth = req.get_header_value("Authorization");
      if (auth.empty()) {
        return JsonReply(ErrorBody("unauthenticated",
                                   "missing Authorization header (Authorization: Bearer KEY)"),
                         401);
      }
      if (auth.rfind("Bearer ", 0) != 0) {
        return JsonReply(ErrorBody("unauthenticated", "Authorization must be \"Bearer KEY\""), 401);
      }
      auto key = store_->Authenticate(auth.substr(7));
      if (!key.ok()) {
        return JsonReply(ErrorBody("unauthenticated", key.status().message()), 401);
      }
      ctx.key = *key;
      ctx.actor = Actor{key->id, key->name};
      *key_id = key->id;
      if (static_cast<int>(key->role) < static_cast<int>(*route->role)) {
        return JsonReply(ErrorBody("permission_denied",
                                   "this route needs the " +
                                       std::string(store::RoleName(*route->role)) + " role; key " +
                                       key->id + " is " + std::string(store::RoleName(key->role))),
                         403);
      }
    }
    if (req.body.size() > route->body_limit) {
      return JsonReply(
          ErrorBody("resource_exhausted",
                    "request body is larger than " + std::to_string(route->body_limit) + " bytes"),
          413);
    }
    if (stopping_ && route->templ != "/healthz") {
      // Requests accepted during shutdown still run; only new batches refuse.
    }
    ctx.screener = CurrentScreener();
    auto r = route->handler(ctx);
    if (!r.ok()) {
      const Status& st = r.status();
      return JsonReply(ErrorBody(ErrorCode(st.code()), st.message()), HttpStatusOf(st.code()));
    }
    return std::move(*r);
  }

  void Log(const std::string& method, const std::string& path, int status, double latency_ms,
           const std::string& key_id) {
    json line = {{"ts", store::NowIso()},
                 {"method", method},
                 {"path", path.substr(0, 512)},
                 {"status", status},
                 {"latency_ms", std::round(latency_ms * 1000.0) / 1000.0},
                 {"key_id", key_id.empty() ? json(nullptr) : json(key_id)}};
    std::string s = Dump(line) + "\n";
    std::lock_guard lock(log_mu_);
    std::fputs(s.c_str(), stderr);
    std::fflush(stderr);
  }

  void Count(const std::string& templ, const std::string& method, int status, double secs) {
    std::lock_guard lock(metrics_mu_);
    ++requests_[{templ, method, status}];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      if (secs <= kBuckets[i]) ++buckets_[i];
    }
    ++latency_count_;
    latency_sum_ += secs;
  }

  // ------------------------------------------------------------ helpers

  Result<int64_t> PathId(const Ctx& c, int group, const std::string& what) {
    std::string s = c.match[group].str();
    auto v = ParseIntParam(s, what, 1, INT64_MAX / 2);
    if (!v.ok()) return Status::NotFound("no " + what + " with id \"" + s.substr(0, 40) + "\"");
    return v;
  }

  std::string Param(const Ctx& c, const std::string& name) {
    return c.req.has_param(name.c_str()) ? c.req.get_param_value(name.c_str()) : "";
  }

  std::vector<std::string> Params(const Ctx& c, const std::string& name) {
    std::vector<std::string> out;
    size_t n = c.req.get_param_value_count(name.c_str());
    for (size_t i = 0; i < n && i < 1000; ++i) {
      out.push_back(c.req.get_param_value(name.c_str(), i));
    }
    return out;
  }

  Status CheckParams(const Ctx& c, std::initializer_list<std::string_view> allowed) {
    for (const auto& [k, v] : c.req.params) {
      bool ok = false;
      for (auto a : allowed) ok = ok || k == a;
      if (!ok) {
        return Status::InvalidArgument("query parameter " + k.substr(0, 64) + ": unknown");
      }
    }
    return Status::Ok();
  }

  Result<std::optional<double>> DoubleParam(const Ctx& c, const std::string& name, double lo,
                                            double hi) {
    std::string v = Param(c, name);
    if (!c.req.has_param(name.c_str())) return std::optional<double>();
    auto d = ParseDoubleParam(v, name, lo, hi);
    if (!d.ok()) return d.status();
    return std::optional<double>(*d);
  }

  Result<int64_t> IntParam(const Ctx& c, const std::string& name, int64_t def, int64_t lo,
                           int64_t hi) {
    if (!c.req.has_param(name.c_str())) return def;
    return ParseIntParam(Param(c, name), name, lo, hi);
  }

  Status NeedScreener(const Ctx& c) {
    if (!c.screener) return Status::FailedPrecondition("no lists are loaded");
    return Status::Ok();
  }

  static std::string HitDataset(const Hit& h) {
    return h.entity && !h.entity->datasets.empty() ? h.entity->datasets.front() : "";
  }

  static json EntityResponse(const Entity& e) {
    json j = EntityToJson(e);
    j["caption"] = e.Caption();
    if (!j.contains("referents")) j["referents"] = json::array();
    j["target"] = true;
    if (!j.contains("datasets")) j["datasets"] = json::array();
    return j;
  }

  static json ScoredResponse(const Hit& h) {
    json j = EntityResponse(*h.entity);
    j["score"] = h.score;
    j["match"] = h.match;
    json features = json::object();
    for (const auto& f : h.explanation.features) features[f.name] = f.value;
    j["features"] = std::move(features);
    j["explanation"] = h.explanation.ToJson();
    return j;
  }

  json CatalogJson(const std::shared_ptr<const Screener>& s) {
    json datasets = json::array(), current = json::array();
    if (s) {
      for (const auto& d : s->Datasets()) {
        datasets.push_back({{"name", d.name},
                            {"title", d.name},
                            {"version", d.version},
                            {"source", d.source},
                            {"entities", d.entities},
                            {"load", true},
                            {"children", json::array()}});
        current.push_back(d.name);
      }
    }
    std::lock_guard lock(screener_mu_);
    return {{"datasets", std::move(datasets)}, {"current", std::move(current)},
            {"outdated", json::array()},       {"index_stale", false},
            {"entities", s ? s->size() : 0},   {"loaded_at", loaded_at_}};
  }

  // The include list for a dataset path segment ("default" = all).
  Result<std::vector<std::string>> DatasetScope(const Ctx& c, const std::string& dataset) {
    if (dataset == "default") return std::vector<std::string>{};
    for (const auto& d : c.screener->Datasets()) {
      if (d.name == dataset) return std::vector<std::string>{dataset};
    }
    return Status::NotFound("no dataset \"" + dataset.substr(0, 100) +
                            "\" is loaded (see GET /catalog; \"default\" is all)");
  }

  // Screens `subject`, records the screening and its alerts.
  Result<json> ScreenAndRecord(const Screener& screener, const Actor& actor, const Entity& subject,
                               const std::string& reference, const std::string& requested_by,
                               double threshold, size_t limit,
                               const std::vector<std::string>& datasets) {
    ScreenOptions opts;
    opts.threshold = threshold;
    opts.min_score = threshold;
    opts.limit = limit;
    opts.include_datasets = datasets;
    std::vector<Hit> hits = screener.Screen(subject, opts);
    std::vector<store::HitRecord> records;
    for (const Hit& h : hits) {
      if (!h.entity || h.score < threshold) continue;
      records.push_back({EntityToJson(*h.entity), h.entity->id, h.entity->Caption(), HitDataset(h),
                         h.score, h.explanation.ToJson()});
    }
    json subject_json = EntityToJson(subject);
    store::ScreeningInput in;
    in.subject = subject_json;
    json identity = {{"schema", subject_json["schema"]},
                     {"properties", subject_json["properties"]}};
    in.subject_key =
        subject.id.empty() ? "sha256:" + store::Sha256Hex(Dump(identity)) : "id:" + subject.id;
    in.caption = subject.Caption();
    in.reference = reference;
    in.requested_by = requested_by;
    return store_->RecordScreening(in, records, actor);
  }

  // ------------------------------------------------------------ routes

  void AddRoutes();
  void AddConsoleRoutes();
  Result<Reply> StaticFile(const std::string& name, bool immutable);
  Result<Reply> Match(Ctx& c);
  Result<Reply> Search(Ctx& c);
  Result<Reply> Screenings(Ctx& c);
  Result<Reply> Batch(Ctx& c);
  Result<Reply> Metrics(Ctx& c);
  void RunBatch(int64_t id, std::vector<std::tuple<int64_t, std::string, json>> rows, Actor actor,
                double threshold, size_t limit);
  void JoinBatches() {
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(batch_mu_);
      threads.swap(batch_threads_);
    }
    for (auto& t : threads) t.join();
  }

  ServerOptions options_;
  ScreenerLoader loader_;
  std::unique_ptr<store::Store> store_;
  EntityLimits limits_;
  httplib::Server svr_;
  int port_ = 0;
  std::vector<struct Route> routes_;
  std::atomic<bool> stopping_{false}, stop_requested_{false}, reloading_{false};

  std::mutex screener_mu_;
  std::shared_ptr<const Screener> screener_;
  std::string loaded_at_;

  std::mutex reload_mu_;
  json last_reload_ = nullptr;
  std::atomic<uint64_t> reloads_ok_{0}, reloads_failed_{0};

  std::mutex log_mu_;
  std::mutex metrics_mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> buckets_{};
  uint64_t latency_count_ = 0;
  double latency_sum_ = 0;

  std::mutex batch_mu_;
  std::vector<std::thread> batch_threads_;
};

void Service::Impl::AddRoutes() {
  const auto kViewer = std::optional<Role>(Role::kViewer);
  const auto kAnalyst = std::optional<Role>(Role::kAnalyst);
  const auto kAdmin = std::optional<Role>(Role::kAdmin);
  const std::optional<Role> kOpen;

  Add("GET", "/healthz", kOpen, [](Ctx&) -> Result<Reply> {
    return JsonReply({{"status", "ok"}});
  });
  Add("GET", "/readyz", kOpen, [this](Ctx& c) -> Result<Reply> {
    if (!c.screener) return JsonReply(ErrorBody("unavailable", "no lists are loaded"), 503);
    if (stopping_) return JsonReply(ErrorBody("unavailable", "shutting down"), 503);
    auto open = store_->CountOpenAlerts();
    if (!open.ok()) {
      return JsonReply(ErrorBody("unavailable", "store: " + open.status().message()), 503);
    }
    return JsonReply({{"status", "ok"}, {"entities", c.screener->size()}});
  });
  Add("GET", "/openapi.json", kOpen, [](Ctx&) -> Result<Reply> {
    Reply r;
    r.text = std::string(VIGIL_EMBEDDED(openapi));
    r.content_type = "application/json";
    return r;
  });
  Add("GET", "/metrics", kOpen, [this](Ctx& c) { return Metrics(c); });
  if (!options_.web_dir.empty()) AddConsoleRoutes();
  Add("GET", "/whoami", kViewer, [](Ctx& c) -> Result<Reply> {
    return JsonReply(
        {{"key_id", c.key.id}, {"name", c.key.name}, {"role", store::RoleName(c.key.role)}});
  });

  // --- matching (yente-compatible)
  Add("GET", "/catalog", kViewer,
      [this](Ctx& c) -> Result<Reply> { return JsonReply(CatalogJson(c.screener)); });
  Add("POST", "/match/{dataset}", kAnalyst, [this](Ctx& c) { return Match(c); });
  Add("GET", "/search/{dataset}", kViewer, [this](Ctx& c) { return Search(c); });
  Add("GET", "/entities/{id}", kViewer, [this](Ctx& c) -> Result<Reply> {
    VIGIL_RETURN_IF_ERROR(NeedScreener(c));
    std::string id = c.match[1].str();
    auto e = c.screener->FindEntity(id);
    if (!e) return Status::NotFound("no entity with id \"" + id.substr(0, 200) + "\"");
    return JsonReply(EntityResponse(*e));
  });

  // --- review workflow
  Add("POST", "/screenings", kAnalyst, [this](Ctx& c) { return Screenings(c); });
  Add(
      "POST", "/screenings/batch", kAnalyst, [this](Ctx& c) { return Batch(c); },
      options_.max_batch_body);
  Add("GET", "/batches/{id}", kViewer, [this](Ctx& c) -> Result<Reply> {
    std::string s = c.match[1].str();
    auto id = s.rfind("b_", 0) == 0 ? ParseIntParam(s.substr(2), "id", 1, INT64_MAX / 2)
                                    : Result<int64_t>(Status::NotFound(""));
    if (!id.ok()) return Status::NotFound("no batch with id \"" + s.substr(0, 40) + "\"");
    auto b = store_->GetBatch(*id);
    if (!b.ok()) return b.status();
    return JsonReply(std::move(*b));
  });
  Add("GET", "/batches/{id}/results.csv", kViewer, [this](Ctx& c) -> Result<Reply> {
    std::string s = c.match[1].str();
    auto id = s.rfind("b_", 0) == 0 ? ParseIntParam(s.substr(2), "id", 1, INT64_MAX / 2)
                                    : Result<int64_t>(Status::NotFound(""));
    if (!id.ok()) return Status::NotFound("no batch with id \"" + s.substr(0, 40) + "\"");
    auto rows = store_->BatchResultRows(*id);
    if (!rows.ok()) return rows.status();
    Reply r;
    r.content_type = "text/csv; charset=utf-8";
    r.text =
        "line,reference,subject_id,subject_caption,alert_id,alert_status,entity_id,"
        "entity_caption,dataset,score,error\n";
    for (const auto& row : *rows) {
      for (size_t i = 0; i < row.size(); ++i) r.text += (i ? "," : "") + CsvField(row[i]);
      r.text += "\n";
    }
    return r;
  });
  Add("GET", "/batches/{id}/results", kViewer, [this](Ctx& c) -> Result<Reply> {
    std::string s = c.match[1].str();
    auto id = s.rfind("b_", 0) == 0 ? ParseIntParam(s.substr(2), "id", 1, INT64_MAX / 2)
                                    : Result<int64_t>(Status::NotFound(""));
    if (!id.ok()) return Status::NotFound("no batch with id \"" + s.substr(0, 40) + "\"");
    auto rows = store_->BatchResultRows(*id);
    if (!rows.ok()) return rows.status();
    json out = json::array();
    for (const auto& r : *rows) {
      auto num = [](const std::string& v) { return v.empty() ? json(nullptr) : json::parse(v); };
      out.push_back({{"line", num(r[0])},
                     {"reference", r[1]},
                     {"subject_id", num(r[2])},
                     {"subject_caption", r[3]},
                     {"alert_id", num(r[4])},
                     {"alert_status", r[5].empty() ? json(nullptr) : json(r[5])},
                     {"entity_id", r[6].empty() ? json(nullptr) : json(r[6])},
                     {"entity_caption", r[7].empty() ? json(nullptr) : json(r[7])},
                     {"dataset", r[8].empty() ? json(nullptr) : json(r[8])},
                     {"score", num(r[9])},
                     {"error", r[10].empty() ? json(nullptr) : json(r[10])}});
    }
    return JsonReply({{"rows", std::move(out)}});
  });
  Add("GET", "/alerts", kViewer, [this](Ctx& c) -> Result<Reply> {
    VIGIL_RETURN_IF_ERROR(
        CheckParams(c, {"status", "dataset", "min_score", "max_score", "subject_id", "since",
                        "until", "sort", "page", "page_size"}));
    store::AlertFilter f;
    static const std::set<std::string> kStatuses = {"open", "match", "no_match", "escalated",
                                                    "suppressed"};
    // status=open,escalated or status=open&status=escalated.
    for (const auto& v : Params(c, "status")) {
      size_t start = 0;
      while (start <= v.size()) {
        size_t end = std::min(v.find(',', start), v.size());
        std::string one = v.substr(start, end - start);
        start = end + 1;
        if (one.empty()) continue;
        if (!kStatuses.count(one)) {
          return Status::InvalidArgument(
              "query parameter status: expected open, match, no_match, escalated or suppressed "
              "(comma-separated or repeated)");
        }
        f.statuses.push_back(one);
      }
    }
    f.dataset = Param(c, "dataset");
    auto ms = DoubleParam(c, "min_score", 0, 1);
    if (!ms.ok()) return ms.status();
    f.min_score = *ms;
    auto xs = DoubleParam(c, "max_score", 0, 1);
    if (!xs.ok()) return xs.status();
    f.max_score = *xs;
    if (c.req.has_param("subject_id")) {
      auto sid = ParseIntParam(Param(c, "subject_id"), "subject_id", 1, INT64_MAX / 2);
      if (!sid.ok()) return sid.status();
      f.subject_id = *sid;
    }
    static const std::regex kTime(R"(\d{4}-\d\d-\d\d([T ][0-9:.]*Z?)?)");
    for (auto [name, out] : {std::pair{"since", &f.since}, std::pair{"until", &f.until}}) {
      *out = Param(c, name);
      if (!out->empty() && !std::regex_match(*out, kTime)) {
        return Status::InvalidArgument(std::string("query parameter ") + name +
                                       ": expected an ISO date or time (2026-11-29 or "
                                       "2026-11-29T03:20:57Z)");
      }
    }
    if (c.req.has_param("sort")) f.sort = Param(c, "sort");
    auto page = IntParam(c, "page", 1, 1, 1000000);
    auto size = IntParam(c, "page_size", 50, 1, 500);
    if (!page.ok()) return page.status();
    if (!size.ok()) return size.status();
    f.page = static_cast<int>(*page);
    f.page_size = static_cast<int>(*size);
    auto a = store_->ListAlerts(f);
    if (!a.ok()) return a.status();
    return JsonReply(std::move(*a));
  });
  Add("GET", "/alerts/{id}", kViewer, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "alert");
    if (!id.ok()) return id.status();
    auto a = store_->GetAlert(*id);
    if (!a.ok()) return a.status();
    return JsonReply(std::move(*a));
  });
  Add("POST", "/alerts/{id}/decision", kAnalyst, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "alert");
    if (!id.ok()) return id.status();
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(CheckFields(*body, {"decision", "comment"}, ""));
    auto decision = OptString(*body, "decision", "", 32);
    if (!decision.ok()) return decision.status();
    if (!*decision)
      return Status::InvalidArgument("decision: required (match, no_match, escalate)");
    auto comment = OptString(*body, "comment", "", 4000);
    if (!comment.ok()) return comment.status();
    auto d = store_->Decide(*id, **decision, comment->value_or(""), c.actor);
    if (!d.ok()) return d.status();
    return JsonReply(std::move(*d));
  });
  Add("POST", "/cases", kAnalyst, [this](Ctx& c) -> Result<Reply> {
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(
        CheckFields(*body, {"title", "description", "alert_ids", "entity_ids"}, ""));
    auto title = OptString(*body, "title", "", 500);
    if (!title.ok()) return title.status();
    if (!*title || (*title)->empty()) return Status::InvalidArgument("title: required");
    auto desc = OptString(*body, "description", "", 16000);
    if (!desc.ok()) return desc.status();
    auto alerts = OptIdArray(*body, "alert_ids", "");
    if (!alerts.ok()) return alerts.status();
    auto entities = OptStringArray(*body, "entity_ids", "");
    if (!entities.ok()) return entities.status();
    auto cs = store_->CreateCase(**title, desc->value_or(""), *alerts, *entities, c.actor);
    if (!cs.ok()) return cs.status();
    return JsonReply(std::move(*cs), 201);
  });
  Add("GET", "/cases", kViewer, [this](Ctx& c) -> Result<Reply> {
    VIGIL_RETURN_IF_ERROR(CheckParams(c, {"status", "page", "page_size"}));
    std::string status = Param(c, "status");
    static const std::set<std::string> kStatuses = {"", "open", "investigating", "referred",
                                                    "closed"};
    if (!kStatuses.count(status)) {
      return Status::InvalidArgument(
          "query parameter status: expected open, investigating, referred or closed");
    }
    auto page = IntParam(c, "page", 1, 1, 1000000);
    auto size = IntParam(c, "page_size", 50, 1, 500);
    if (!page.ok()) return page.status();
    if (!size.ok()) return size.status();
    auto l = store_->ListCases(status, static_cast<int>(*page), static_cast<int>(*size));
    if (!l.ok()) return l.status();
    return JsonReply(std::move(*l));
  });
  Add("GET", "/cases/{id}", kViewer, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "case");
    if (!id.ok()) return id.status();
    auto cs = store_->GetCase(*id);
    if (!cs.ok()) return cs.status();
    return JsonReply(std::move(*cs));
  });
  Add("PATCH", "/cases/{id}", kAnalyst, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "case");
    if (!id.ok()) return id.status();
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(CheckFields(
        *body, {"status", "counterpart", "reference", "comment", "title", "description"}, ""));
    store::CaseUpdate u;
    struct F {
      const char* name;
      std::optional<std::string>* out;
      size_t max;
    };
    for (F f : {F{"status", &u.status, 32}, F{"counterpart", &u.counterpart, 500},
                F{"reference", &u.reference, 500}, F{"comment", &u.comment, 4000},
                F{"title", &u.title, 500}, F{"description", &u.description, 16000}}) {
      auto v = OptString(*body, f.name, "", f.max);
      if (!v.ok()) return v.status();
      *f.out = *v;
    }
    auto cs = store_->UpdateCase(*id, u, c.actor);
    if (!cs.ok()) return cs.status();
    return JsonReply(std::move(*cs));
  });
  Add("POST", "/cases/{id}/notes", kAnalyst, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "case");
    if (!id.ok()) return id.status();
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(CheckFields(*body, {"text"}, ""));
    auto text = OptString(*body, "text", "", 16000);
    if (!text.ok()) return text.status();
    if (!*text || (*text)->empty()) return Status::InvalidArgument("text: required");
    auto n = store_->AddCaseNote(*id, **text, c.actor);
    if (!n.ok()) return n.status();
    return JsonReply(std::move(*n), 201);
  });
  Add("POST", "/cases/{id}/links", kAnalyst, [this](Ctx& c) -> Result<Reply> {
    auto id = PathId(c, 1, "case");
    if (!id.ok()) return id.status();
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(CheckFields(*body, {"alert_ids", "entity_ids"}, ""));
    auto alerts = OptIdArray(*body, "alert_ids", "");
    if (!alerts.ok()) return alerts.status();
    auto entities = OptStringArray(*body, "entity_ids", "");
    if (!entities.ok()) return entities.status();
    auto cs = store_->LinkCase(*id, *alerts, *entities, c.actor);
    if (!cs.ok()) return cs.status();
    return JsonReply(std::move(*cs));
  });
  Add("GET", "/stats", kViewer, [this](Ctx& c) -> Result<Reply> {
    VIGIL_RETURN_IF_ERROR(CheckParams(c, {"days"}));
    auto days = IntParam(c, "days", 30, 1, 3650);
    if (!days.ok()) return days.status();
    auto s = store_->Stats(static_cast<int>(*days));
    if (!s.ok()) return s.status();
    return JsonReply(std::move(*s));
  });

  // --- audit
  Add("GET", "/audit", kViewer, [this](Ctx& c) -> Result<Reply> {
    VIGIL_RETURN_IF_ERROR(CheckParams(c, {"since", "limit"}));
    std::string since = Param(c, "since");
    if (since.size() > 40) return Status::InvalidArgument("query parameter since: too long");
    auto limit = IntParam(c, "limit", 100, 1, 1000);
    if (!limit.ok()) return limit.status();
    auto a = store_->ListAudit(since, static_cast<int>(*limit));
    if (!a.ok()) return a.status();
    return JsonReply(std::move(*a));
  });
  Add("GET", "/audit/verify", kViewer, [this](Ctx&) -> Result<Reply> {
    auto v = store_->VerifyAudit();
    if (!v.ok()) return v.status();
    return JsonReply(v->ToJson());
  });

  // --- keys
  Add("GET", "/keys", kAdmin, [this](Ctx&) -> Result<Reply> {
    auto keys = store_->ListKeys();
    if (!keys.ok()) return keys.status();
    json out = json::array();
    for (const auto& k : *keys) out.push_back(k.ToJson());
    return JsonReply({{"keys", std::move(out)}});
  });
  Add("POST", "/keys", kAdmin, [this](Ctx& c) -> Result<Reply> {
    auto body = ParseJsonObject(c.req.body);
    if (!body.ok()) return body.status();
    VIGIL_RETURN_IF_ERROR(CheckFields(*body, {"name", "role"}, ""));
    auto name = OptString(*body, "name", "", 200);
    if (!name.ok()) return name.status();
    if (!*name || (*name)->empty()) return Status::InvalidArgument("name: required");
    auto role_name = OptString(*body, "role", "", 16);
    if (!role_name.ok()) return role_name.status();
    auto role = store::RoleFromName(role_name->value_or(""));
    if (!role.ok()) return role.status();
    auto k = store_->CreateKey(**name, *role, c.actor);
    if (!k.ok()) return k.status();
    json j = k->info.ToJson();
    j["key"] = k->key;
    return JsonReply(std::move(j), 201);
  });
  Add("DELETE", "/keys/{id}", kAdmin, [this](Ctx& c) -> Result<Reply> {
    auto k = store_->RevokeKey(c.match[1].str(), c.actor);
    if (!k.ok()) return k.status();
    return JsonReply(k->ToJson());
  });

  // --- lists
  Add("POST", "/admin/reload", kAdmin, [this](Ctx& c) -> Result<Reply> {
    auto r = Reload(c.actor);
    if (!r.ok()) return r.status();
    return JsonReply(std::move(*r));
  });
  Add("GET", "/admin/reload", kAdmin, [this](Ctx&) -> Result<Reply> {
    std::lock_guard lock(reload_mu_);
    return JsonReply({{"running", reloading_.load()}, {"last", last_reload_}});
  });
}

// The console is a single-page app: /ui/... are its pages (all index.html),
// /assets/<file> its hashed bundles. Only files directly in web_dir/assets
// are served; a name with a path separator or a leading dot never matches.
void Service::Impl::AddConsoleRoutes() {
  const std::optional<Role> kOpen;
  auto index = [this](Ctx&) { return StaticFile("index.html", false); };
  Add("GET", "/", kOpen, index);
  Add("GET", "/ui", kOpen, index);
  Add("GET", "/ui/{page}", kOpen, index);
  routes_.back().pattern = std::regex("/ui/.*");
  Add("GET", "/assets/{file}", kOpen, [this](Ctx& c) -> Result<Reply> {
    static const std::regex kName(R"([A-Za-z0-9_][A-Za-z0-9_.-]*)");
    std::string name = c.match[1].str();
    if (!std::regex_match(name, kName) || name.find("..") != std::string::npos) {
      return Status::NotFound("no such file");
    }
    return StaticFile("assets/" + name, true);
  });
}

Result<Reply> Service::Impl::StaticFile(const std::string& name, bool immutable) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript"},
      {".css", "text/css"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".woff2", "font/woff2"},
      {".json", "application/json"},
      {".ico", "image/x-icon"},
      {".map", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  std::filesystem::path path = std::filesystem::path(options_.web_dir) / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("no such file");
  std::ostringstream buf;
  buf << in.rdbuf();
  auto type = kTypes.find(path.extension().string());
  Reply r;
  r.text = buf.str();
  r.content_type = type == kTypes.end() ? "application/octet-stream" : type->second;
  r.headers.push_back(
      {"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"});
  return r;
}

Result<Reply> Service::Impl::Match(Ctx& c) {
  VIGIL_RETURN_IF_ERROR(NeedScreener(c));
  VIGIL_RETURN_IF_ERROR(CheckParams(c, {"threshold", "cutoff", "limit", "include_dataset",
                                        "exclude_dataset", "exclude_entity_ids", "algorithm"}));
  auto scope = DatasetScope(c, c.match[1].str());
  if (!scope.ok()) return scope.status();
  auto threshold = DoubleParam(c, "threshold", 0, 1);
  if (!threshold.ok()) return threshold.status();
  auto cutoff = DoubleParam(c, "cutoff", 0, 1);
  if (!cutoff.ok()) return cutoff.status();
  auto limit = IntParam(c, "limit", 5, 1, 500);
  if (!limit.ok()) return limit.status();
  ScreenOptions opts;
  opts.threshold = threshold->value_or(0.70);
  opts.min_score = cutoff->value_or(0.0);
  opts.limit = static_cast<size_t>(*limit);
  opts.include_datasets = *scope;
  for (auto& d : Params(c, "include_dataset")) {
    if (scope->empty() || d == scope->front()) opts.include_datasets.push_back(d);
  }
  if (!scope->empty() && opts.include_datasets.size() > 1) opts.include_datasets = *scope;
  opts.exclude_datasets = Params(c, "exclude_dataset");
  opts.exclude_entity_ids = Params(c, "exclude_entity_ids");

  auto body = ParseJsonObject(c.req.body);
  if (!body.ok()) return body.status();
  VIGIL_RETURN_IF_ERROR(CheckFields(*body, {"queries", "weights"}, ""));
  auto qit = body->find("queries");
  if (qit == body->end() || !qit->is_object()) {
    return Status::InvalidArgument(
        "queries: expected an object of query name -> entity, e.g. {\"q1\": {\"schema\": "
        "\"Person\", \"properties\": {\"name\": [\"...\"]}}}");
  }
  if (auto w = body->find("weights"); w != body->end() && !w->is_object()) {
    return Status::InvalidArgument("weights: expected an object");
  }
  if (qit->size() > options_.max_queries) {
    return Status::ResourceExhausted("queries: " + std::to_string(qit->size()) +
                                     " queries, at most " + std::to_string(options_.max_queries) +
                                     " per request");
  }
  std::vector<std::pair<std::string, Entity>> queries;
  for (auto it = qit->begin(); it != qit->end(); ++it) {
    if (it.key().size() > 200) return Status::InvalidArgument("queries: a query name is too long");
    auto e = ParseQueryEntity(*it, "queries." + it.key(), limits_);
    if (!e.ok()) return e.status();
    queries.emplace_back(it.key(), std::move(*e));
  }
  json responses = json::object();
  for (const auto& [name, entity] : queries) {
    std::vector<Hit> hits = c.screener->Screen(entity, opts);
    json results = json::array();
    for (const Hit& h : hits) {
      if (h.entity) results.push_back(ScoredResponse(h));
    }
    json query = (*qit)[name];
    json q = {{"id", entity.id.empty() ? json(nullptr) : json(entity.id)},
              {"schema", SchemaName(entity.schema)},
              {"properties", EntityToJson(entity)["properties"]}};
    size_t n = results.size();
    responses[name] = {{"status", 200},
                       {"query", std::move(q)},
                       {"results", std::move(results)},
                       {"total", {{"value", n}, {"relation", "eq"}}}};
  }
  return JsonReply({{"responses", std::move(responses)},
                    {"matcher", {{"name", "vigil"}, {"threshold", opts.threshold}}},
                    {"limit", opts.limit}});
}

Result<Reply> Service::Impl::Search(Ctx& c) {
  VIGIL_RETURN_IF_ERROR(NeedScreener(c));
  VIGIL_RETURN_IF_ERROR(CheckParams(c, {"q", "schema", "countries", "limit", "offset"}));
  auto scope = DatasetScope(c, c.match[1].str());
  if (!scope.ok()) return scope.status();
  std::string q = Param(c, "q");
  if (q.empty()) return Status::InvalidArgument("query parameter q: required");
  if (q.size() > options_.max_value_length) {
    return Status::ResourceExhausted("query parameter q: longer than " +
                                     std::to_string(options_.max_value_length) + " bytes");
  }
  Schema schema = Schema::kThing;
  if (c.req.has_param("schema")) {
    auto s = SchemaFromName(Param(c, "schema"));
    if (!s.ok()) {
      return Status::InvalidArgument("query parameter schema: unknown schema \"" +
                                     Param(c, "schema").substr(0, 64) + "\"");
    }
    schema = *s;
  }
  auto limit = IntParam(c, "limit", 10, 1, 500);
  if (!limit.ok()) return limit.status();
  auto offset = IntParam(c, "offset", 0, 0, 10000);
  if (!offset.ok()) return offset.status();
  std::set<std::string> countries;
  for (auto& v : Params(c, "countries")) {
    std::string lower;
    for (char ch : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    countries.insert(lower);
  }
  ScreenOptions opts;
  opts.include_datasets = *scope;
  size_t want = static_cast<size_t>(*offset + *limit);
  opts.limit = countries.empty() ? want : std::min<size_t>(2000, want * 5);
  std::vector<Hit> hits = c.screener->Search(q, schema, opts);
  json results = json::array();
  size_t seen = 0;
  for (const Hit& h : hits) {
    if (!h.entity) continue;
    if (!countries.empty()) {
      bool any = false;
      for (const char* p : {"country", "nationality", "citizenship", "jurisdiction"}) {
        for (const auto& v : h.entity->Get(p)) {
          std::string lower;
          for (char ch : v)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          any = any || countries.count(lower);
        }
      }
      if (!any) continue;
    }
    if (seen++ < static_cast<size_t>(*offset)) continue;
    if (results.size() >= static_cast<size_t>(*limit)) continue;  // still counted in total
    json j = EntityResponse(*h.entity);
    j["score"] = h.score;
    results.push_back(std::move(j));
  }
  size_t total = seen;
  return JsonReply(
      {{"results", std::move(results)},
       {"total", {{"value", total}, {"relation", hits.size() >= opts.limit ? "gte" : "eq"}}},
       {"limit", *limit},
       {"offset", *offset},
       {"facets", json::object()}});
}

Result<Reply> Service::Impl::Screenings(Ctx& c) {
  VIGIL_RETURN_IF_ERROR(NeedScreener(c));
  auto body = ParseJsonObject(c.req.body);
  if (!body.ok()) return body.status();
  VIGIL_RETURN_IF_ERROR(CheckFields(
      *body, {"subject", "reference", "requested_by", "threshold", "limit", "datasets"}, ""));
  auto sit = body->find("subject");
  if (sit == body->end()) return Status::InvalidArgument("subject: required (an FtM entity)");
  auto subject = ParseQueryEntity(*sit, "subject", limits_);
  if (!subject.ok()) return subject.status();
  auto reference = OptString(*body, "reference", "", 500);
  if (!reference.ok()) return reference.status();
  auto requested_by = OptString(*body, "requested_by", "", 500);
  if (!requested_by.ok()) return requested_by.status();
  auto threshold = OptNumber(*body, "threshold", "", 0, 1);
  if (!threshold.ok()) return threshold.status();
  auto limit = OptNumber(*body, "limit", "", 1, 500);
  if (!limit.ok()) return limit.status();
  auto datasets = OptStringArray(*body, "datasets", "");
  if (!datasets.ok()) return datasets.status();
  for (const auto& d : *datasets) {
    auto s = DatasetScope(c, d);
    if (!s.ok()) return Status::InvalidArgument("datasets: " + s.status().message());
  }
  auto r = ScreenAndRecord(*c.screener, c.actor, *subject, reference->value_or(""),
                           requested_by->value_or(c.actor.name), threshold->value_or(0.70),
                           static_cast<size_t>(limit->value_or(10)), *datasets);
  if (!r.ok()) return r.status();
  return JsonReply(std::move(*r), 201);
}

Result<Reply> Service::Impl::Batch(Ctx& c) {
  VIGIL_RETURN_IF_ERROR(NeedScreener(c));
  VIGIL_RETURN_IF_ERROR(CheckParams(c, {"threshold", "limit", "reference"}));
  if (stopping_) return Status::FailedPrecondition("the server is shutting down");
  auto threshold = DoubleParam(c, "threshold", 0, 1);
  if (!threshold.ok()) return threshold.status();
  auto limit = IntParam(c, "limit", 10, 1, 500);
  if (!limit.ok()) return limit.status();
  std::string default_ref = Param(c, "reference");
  if (!IsValidUtf8(c.req.body)) return Status::InvalidArgument("body: not valid UTF-8");
  std::string type = c.req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  // (line, reference, subject JSON or {"error": message})
  std::vector<std::tuple<int64_t, std::string, json>> rows;
  if (type == "text/csv") {
    std::vector<int64_t> lines;
    auto csv = ParseCsv(c.req.body, &lines);
    if (!csv.ok()) return csv.status();
    if (csv->empty()) return Status::InvalidArgument("body: CSV has no header row");
    const auto& header = (*csv)[0];
    bool has_name = false;
    for (const auto& h : header) has_name = has_name || h == "name" || h == "lastName";
    if (!has_name) {
      return Status::InvalidArgument(
          "CSV header: needs a name column (columns: id, schema, reference, and FtM property "
          "names such as name, birthDate, nationality)");
    }
    for (size_t r = 1; r < csv->size(); ++r) {
      const auto& row = (*csv)[r];
      json entity = {{"schema", "Person"}, {"properties", json::object()}};
      std::string ref = default_ref;
      std::string error;
      if (row.size() != header.size()) {
        error = "line " + std::to_string(lines[r]) + ": expected " + std::to_string(header.size()) +
                " fields, found " + std::to_string(row.size());
      }
      for (size_t i = 0; i < row.size() && i < header.size() && error.empty(); ++i) {
        const std::string& col = header[i];
        const std::string& cell = row[i];
        if (cell.empty()) continue;
        if (col == "id") {
          entity["id"] = cell;
        } else if (col == "schema") {
          entity["schema"] = cell;
        } else if (col == "reference") {
          ref = cell;
        } else {
          json values = json::array();
          size_t start = 0;
          while (start <= cell.size()) {
            size_t end = cell.find(';', start);
            if (end == std::string::npos) end = cell.size();
            std::string v = cell.substr(start, end - start);
            if (!v.empty()) values.push_back(v);
            start = end + 1;
          }
          entity["properties"][col] = std::move(values);
        }
      }
      rows.emplace_back(lines[r], ref,
                        error.empty() ? json{{"subject", entity}} : json{{"error", error}});
    }
  } else if (type == "application/x-ndjson" || type == "application/jsonl" ||
             type == "application/json-lines") {
    size_t start = 0;
    int64_t line = 0;
    const std::string& b = c.req.body;
    while (start < b.size()) {
      size_t end = b.find('\n', start);
      if (end == std::string::npos) end = b.size();
      std::string text = b.substr(start, end - start);
      start = end + 1;
      ++line;
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = ParseJsonObject(text);
      if (!j.ok()) {
        rows.emplace_back(
            line, default_ref,
            json{{"error", "line " + std::to_string(line) + ": " + j.status().message()}});
        continue;
      }
      if (j->contains("subject")) {
        auto ref = OptString(*j, "reference", "", 500);
        rows.emplace_back(line, ref.ok() && *ref ? **ref : default_ref,
                          json{{"subject", (*j)["subject"]}});
      } else {
        rows.emplace_back(line, default_ref, json{{"subject", *j}});
      }
    }
  } else {
    return Status::InvalidArgument(
        "Content-Type: expected text/csv or application/x-ndjson, "
        "found \"" +
        type.substr(0, 100) + "\"");
  }
  if (rows.empty()) return Status::InvalidArgument("body: no rows to screen");
  if (rows.size() > 100000) return Status::ResourceExhausted("body: more than 100000 rows");
  auto id = store_->CreateBatch(static_cast<int64_t>(rows.size()), c.actor);
  if (!id.ok()) return id.status();
  int64_t total = static_cast<int64_t>(rows.size());
  {
    std::lock_guard lock(batch_mu_);
    batch_threads_.emplace_back([this, id = *id, rows = std::move(rows), actor = c.actor,
                                 th = threshold->value_or(0.70),
                                 lim = static_cast<size_t>(*limit)]() mutable {
      RunBatch(id, std::move(rows), actor, th, lim);
    });
  }
  return JsonReply({{"id", "b_" + std::to_string(*id)}, {"status", "running"}, {"total", total}},
                   202);
}

void Service::Impl::RunBatch(int64_t id, std::vector<std::tuple<int64_t, std::string, json>> rows,
                             Actor actor, double threshold, size_t limit) {
  bool interrupted = false;
  for (auto& [line, ref, item] : rows) {
    if (stopping_) {
      interrupted = true;
      break;
    }
    std::optional<int64_t> screening;
    std::string error;
    if (item.contains("error")) {
      error = item["error"];
    } else {
      auto subject = ParseQueryEntity(item["subject"], "line " + std::to_string(line), limits_);
      if (!subject.ok()) {
        error = subject.status().message();
      } else {
        auto screener = CurrentScreener();
        auto r = ScreenAndRecord(*screener, actor, *subject, ref, actor.name, threshold, limit, {});
        if (r.ok()) {
          screening = (*r)["screening_id"].get<int64_t>();
        } else {
          error = r.status().message();
        }
      }
    }
    Status st = store_->RecordBatchItem(id, line, ref, screening, error);
    if (!st.ok()) {
      Log("BATCH", "b_" + std::to_string(id), 500, 0, st.ToString());
      interrupted = true;
      break;
    }
  }
  Status st = store_->FinishBatch(id, interrupted ? "failed" : "done");
  if (!st.ok()) Log("BATCH", "b_" + std::to_string(id), 500, 0, st.ToString());
}

Result<Reply> Service::Impl::Metrics(Ctx& c) {
  std::string out;
  out += "# HELP vigil_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE vigil_requests_total counter\n";
  std::array<uint64_t, kBuckets.size()> buckets;
  uint64_t count;
  double sum;
  {
    std::lock_guard lock(metrics_mu_);
    for (const auto& [k, n] : requests_) {
      const auto& [route, method, status] = k;
      out += "vigil_requests_total{route=\"" + PromEscape(route) + "\",method=\"" +
             PromEscape(method) + "\",status=\"" + std::to_string(status) + "\"} " +
             std::to_string(n) + "\n";
    }
    buckets = buckets_;
    count = latency_count_;
    sum = latency_sum_;
  }
  out += "# HELP vigil_request_duration_seconds Request latency.\n";
  out += "# TYPE vigil_request_duration_seconds histogram\n";
  char buf[128];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "vigil_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  kBuckets[i], static_cast<unsigned long long>(buckets[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "vigil_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "vigil_request_duration_seconds_sum %.6f\n"
                "vigil_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(count), sum,
                static_cast<unsigned long long>(count));
  out += buf;
  out += "# HELP vigil_index_entities List entities loaded, by dataset.\n";
  out += "# TYPE vigil_index_entities gauge\n";
  if (c.screener) {
    for (const auto& d : c.screener->Datasets()) {
      out += "vigil_index_entities{dataset=\"" + PromEscape(d.name) + "\"} " +
             std::to_string(d.entities) + "\n";
    }
  }
  out += "# HELP vigil_alerts_open Alerts waiting for a decision.\n";
  out += "# TYPE vigil_alerts_open gauge\n";
  auto open = store_->CountOpenAlerts();
  if (open.ok()) out += "vigil_alerts_open " + std::to_string(*open) + "\n";
  out += "# HELP vigil_decisions_total Analyst decisions by kind.\n";
  out += "# TYPE vigil_decisions_total counter\n";
  auto decisions = store_->DecisionCounts();
  if (decisions.ok()) {
    for (auto it = decisions->begin(); it != decisions->end(); ++it) {
      out += "vigil_decisions_total{decision=\"" + it.key() + "\"} " +
             std::to_string(it->get<int64_t>()) + "\n";
    }
  }
  out += "# HELP vigil_reloads_total List reloads by result.\n";
  out += "# TYPE vigil_reloads_total counter\n";
  out += "vigil_reloads_total{result=\"ok\"} " + std::to_string(reloads_ok_.load()) + "\n";
  out += "vigil_reloads_total{result=\"failed\"} " + std::to_string(reloads_failed_.load()) + "\n";
  Reply r;
  r.text = std::move(out);
  r.content_type = "text/plain; version=0.0.4";
  return r;
}

// ---------------------------------------------------------------- Service

Service::Service(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Service::~Service() = default;

Result<std::unique_ptr<Service>> Service::Create(ServerOptions options, ScreenerLoader loader,
                                                 std::unique_ptr<store::Store> store) {
  if (!store) return Status::InvalidArgument("no store");
  VIGIL_RETURN_IF_ERROR(store->FailInterruptedBatches());
  auto impl = std::make_unique<Impl>(std::move(options), std::move(loader), std::move(store));
  VIGIL_RETURN_IF_ERROR(impl->LoadInitial());
  return std::unique_ptr<Service>(new Service(std::move(impl)));
}

Result<int> Service::Bind() { return impl_->Bind(); }
Status Service::Run() { return impl_->Run(); }
void Service::Stop() { impl_->Stop(); }
Result<json> Service::Reload(const store::Actor& actor) { return impl_->Reload(actor); }

}  // namespace vigil::server
