// vigil serve: the HTTP API of docs/API.md over the given lists or index and
// a review database.
//
// Signals are handled on one thread (sigwait), not in async handlers:
// SIGTERM/SIGINT stop accepting, let in-flight requests finish and close the
// store; SIGHUP reloads the lists in the background.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>

#include "command.h"
#include "server/server.h"
#include "store/store.h"
#include "vigil/screener.h"

// The command exists once the screening layer links (vigil_screen defines
// VIGIL_HAVE_SCREEN for the targets that use it).
#ifdef VIGIL_HAVE_SCREEN
namespace vigil::cli {
namespace {

std::function<int()> SetupServe(CLI::App* sub) {
  struct Options {
    std::string index, db, listen = "127.0.0.1:8000";
    std::vector<std::string> lists;
    server::ServerOptions server;
  };
  auto o = std::make_shared<Options>();
  auto* index = sub->add_option("--index", o->index, "index snapshot from `vigil index build`");
  auto* lists = sub->add_option("--list", o->lists, "list file or directory (repeatable)");
  index->excludes(lists);
  lists->excludes(index);
  sub->add_option("--db", o->db, "review database (SQLite; created if missing)")->required();
  sub->add_option("--listen", o->listen, "HOST:PORT to listen on (port 0 = any free port)");
  sub->add_option("--threads", o->server.threads, "worker threads")->check(CLI::Range(1, 256));
  sub->add_option("--max-queries", o->server.max_queries, "queries per /match request")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--max-body", o->server.max_body, "request body limit in bytes (JSON routes)");
  sub->add_option("--max-batch-body", o->server.max_batch_body,
                  "request body limit in bytes for POST /screenings/batch");
  sub->add_option("--max-properties", o->server.max_properties, "properties per entity");
  sub->add_option("--max-value-length", o->server.max_value_length, "bytes per property value");
  sub->add_option("--web", o->server.web_dir,
                  "directory of the built web console (default: web/dist if it exists)");
  sub->add_option("--timeout", o->server.timeout_seconds, "socket read/write timeout, seconds")
      ->check(CLI::Range(1, 3600));

  return [o]() -> int {
    if (o->index.empty() && o->lists.empty()) {
      std::fprintf(stderr, "vigil serve: give --index FILE or --list PATH...\n");
      return kExitUsage;
    }
    size_t colon = o->listen.rfind(':');
    if (colon == std::string::npos) {
      std::fprintf(stderr, "vigil serve: --listen: expected HOST:PORT, found \"%s\"\n",
                   o->listen.c_str());
      return kExitUsage;
    }
    o->server.host = o->listen.substr(0, colon);
    try {
      o->server.port = std::stoi(o->listen.substr(colon + 1));
    } catch (...) {
      o->server.port = -1;
    }
    if (o->server.port < 0 || o->server.port > 65535) {
      std::fprintf(stderr, "vigil serve: --listen: bad port in \"%s\"\n", o->listen.c_str());
      return kExitUsage;
    }

    if (o->server.web_dir.empty() && std::filesystem::exists("web/dist/index.html")) {
      o->server.web_dir = "web/dist";
    }
    if (!o->server.web_dir.empty() &&
        !std::filesystem::exists(std::filesystem::path(o->server.web_dir) / "index.html")) {
      std::fprintf(stderr,
                   "vigil serve: --web %s: no index.html there (build it: cd web && "
                   "npm run build)\n",
                   o->server.web_dir.c_str());
      return kExitUsage;
    }

    // Block the signals before any thread starts, so only sigwait sees them.
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    server::ScreenerLoader loader;
    if (!o->index.empty()) {
      o->server.sources = o->index;
      loader = [path = o->index] { return Screener::FromIndex(path); };
    } else {
      for (const auto& l : o->lists)
        o->server.sources += (o->server.sources.empty() ? "" : " ") + l;
      loader = [paths = o->lists] { return Screener::FromLists(paths); };
    }
    auto store = store::Store::Open(o->db);
    if (!store.ok()) {
      std::fprintf(stderr, "vigil serve: %s\n", store.status().ToString().c_str());
      return kExitFailure;
    }
    auto svc = server::Service::Create(o->server, loader, std::move(*store));
    if (!svc.ok()) {
      std::fprintf(stderr, "vigil serve: %s\n", svc.status().ToString().c_str());
      return kExitFailure;
    }
    auto port = (*svc)->Bind();
    if (!port.ok()) {
      std::fprintf(stderr, "vigil serve: %s\n", port.status().ToString().c_str());
      return kExitFailure;
    }
    server::Service* service = svc->get();
    std::atomic<bool> done{false};
    // SIGHUP reloads run on their own threads (the signal thread keeps
    // listening); they are joined before the service is destroyed.
    std::vector<std::thread> reloads;
    std::thread signal_thread([&] {
      const timespec tick{0, 200 * 1000 * 1000};
      while (!done) {
        int sig = sigtimedwait(&signals, nullptr, &tick);
        if (sig == SIGHUP) {
          reloads.emplace_back([service] {
            auto r = service->Reload(store::Actor{"", "SIGHUP"});
            if (!r.ok())
              std::fprintf(stderr, "vigil serve: SIGHUP: %s\n", r.status().ToString().c_str());
          });
        } else if (sig == SIGTERM || sig == SIGINT) {
          service->Stop();
        }
      }
    });
    Status st = service->Run();
    done = true;
    signal_thread.join();
    for (auto& t : reloads) t.join();
    svc->reset();  // closes the store
    if (!st.ok()) {
      std::fprintf(stderr, "vigil serve: %s\n", st.ToString().c_str());
      return kExitFailure;
    }
    return kExitOk;
  };
}

VIGIL_COMMAND("serve", "HTTP API: matching (yente-compatible), alerts, decisions, cases, audit",
              SetupServe);

}  // namespace
}  // namespace vigil::cli
#endif  // VIGIL_HAVE_SCREEN
