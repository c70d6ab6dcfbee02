// Service: vigil's HTTP API (docs/API.md) over a Screener and a review Store.
//
//   auto svc = Service::Create(options, loader, std::move(store));
//   svc->Bind();            // listens on options.host:options.port
//   svc->Run();             // serves until Stop(); in-flight requests finish
//
// The Screener is built by `loader` (from --list files or an --index
// snapshot): once at Create, and again on Reload(), which builds the new one
// on a background thread and swaps it in atomically. Requests hold a
// shared_ptr to the Screener they started with, so a reload never changes a
// request midway, and a failed reload keeps the old Screener serving.
//
// Every request is authenticated by an API key (Store::Authenticate) unless
// the route is open, checked against its route's role, bounded by the limits
// in ServerOptions, logged as one JSON line on stderr (never the key) and
// counted in /metrics. Nothing a client sends escapes as an exception: bad
// input is a 4xx with the error shape of docs/API.md.
//
// Thread-safety: Run() serves from a bounded thread pool; Stop() and Reload()
// may be called from any thread (a signal-handling thread, typically).
#ifndef VIGIL_SERVER_SERVER_H_
#define VIGIL_SERVER_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "vigil/screener.h"
#include "vigil/status.h"

namespace vigil::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8000;  // 0 = any free port (Bind returns it)
  int threads = 8;
  size_t max_body = 1 << 20;         // JSON routes
  size_t max_batch_body = 32 << 20;  // POST /screenings/batch
  size_t max_queries = 100;          // per /match request
  size_t max_properties = 64;        // per entity
  size_t max_values = 64;            // per property
  size_t max_value_length = 1024;    // bytes per value
  int timeout_seconds = 30;          // socket read/write timeout
  std::string sources;               // what the loader loads, for /catalog and logs
  // The analysts' console (web/dist): served at /, /assets/*, /ui/* when set.
  std::string web_dir;
};

using ScreenerLoader = std::function<Result<std::shared_ptr<const Screener>>()>;

class Service {
 public:
  // Runs `loader` once; fails if it fails (the service never starts empty).
  static Result<std::unique_ptr<Service>> Create(ServerOptions options, ScreenerLoader loader,
                                                 std::unique_ptr<store::Store> store);
  ~Service();

  // Binds the listening socket; returns the port.
  Result<int> Bind();
  // Serves until Stop(). Returns once in-flight requests and batches ended.
  Status Run();
  // Stops accepting; safe from any thread, idempotent.
  void Stop();
  // Builds a new Screener in the background and swaps it in. Returns the new
  // catalog, or why it failed (the old Screener keeps serving).
  Result<nlohmann::json> Reload(const store::Actor& actor);

 private:
  class Impl;
  explicit Service(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::server

#endif  // VIGIL_SERVER_SERVER_H_
