// pg_peer: the PostgreSQL + pg_trgm peer, the query screening teams write
// when they screen with the database they already run. A libpq client (no
// psql): bench/run.py starts a private cluster and calls
//
//   pg_peer load  --conninfo C --list L          COPY names, unaccent+lower, GIN index
//   pg_peer query --conninfo C --queries Q --out R [--k 5] [--threshold 0.3]
//
// `load` stores every name and alias of every entity as one row
// (id, name, norm), norm = lower(unaccent(name)), and builds a GIN trigram
// index on norm. `query` asks, on one connection, for each query's first name:
//   SELECT id, similarity(norm, $1) FROM names WHERE norm % $1
//   ORDER BY similarity(norm, $1) DESC LIMIT k
// with $1 = lower(unaccent(query name)) computed by the server, and keeps the
// best `k` distinct entities (results file as vigil_bench writes it).
// Errors exit non-zero with PostgreSQL's message.
#include <libpq-fe.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

[[noreturn]] void Die(const std::string& msg) {
  std::cerr << "pg_peer: " << msg << "\n";
  std::exit(1);
}

void Exec(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    std::string err = PQerrorMessage(c);
    PQclear(r);
    Die(sql.substr(0, 80) + ": " + err);
  }
  PQclear(r);
}

// CPU seconds used by the server process serving this connection (it runs on
// this machine: loopback) plus this client: the machine is shared, so
// throughput per core is queries per CPU second.
double CpuSeconds(PGconn* c) {
  double server = 0;
  std::ifstream stat("/proc/" + std::to_string(PQbackendPID(c)) + "/stat");
  std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = all.rfind(')');
  if (close != std::string::npos) {
    std::istringstream rest(all.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    server = (utime + stime) / sysconf(_SC_CLK_TCK);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return server + ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// COPY text format: backslash, tab and newline escaped.
void CopyEscape(const std::string& s, std::string* out) {
  for (char ch : s) {
    if (ch == '\\') {
      *out += "\\\\";
    } else if (ch == '\t') {
      *out += "\\t";
    } else if (ch == '\n') {
      *out += "\\n";
    } else if (ch == '\r') {
      *out += "\\r";
    } else {
      *out += ch;
    }
  }
}

int Load(PGconn* c, const std::string& list) {
  std::ifstream in(list);
  if (!in) Die("cannot open " + list);
  auto t0 = Clock::now();
  Exec(c, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
  Exec(c, "CREATE EXTENSION IF NOT EXISTS unaccent");
  Exec(c, "DROP TABLE IF EXISTS names");
  Exec(c, "CREATE UNLOGGED TABLE names (id text NOT NULL, name text NOT NULL, norm text)");
  PGresult* r = PQexec(c, "COPY names (id, name) FROM STDIN");
  if (PQresultStatus(r) != PGRES_COPY_IN) Die(std::string("COPY: ") + PQerrorMessage(c));
  PQclear(r);
  std::string line, buf;
  size_t rows = 0, entities = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = json::parse(line, nullptr, false);
    if (j.is_discarded()) Die(list + ": bad JSON line " + std::to_string(entities + 1));
    ++entities;
    const auto& props = j.value("properties", json::object());
    for (const char* prop : {"name", "alias", "previousName"}) {
      if (!props.contains(prop)) continue;
      for (const auto& v : props[prop]) {
        CopyEscape(j["id"].get<std::string>(), &buf);
        buf += '\t';
        CopyEscape(v.get<std::string>(), &buf);
        buf += '\n';
        ++rows;
      }
    }
    if (buf.size() > (1 << 20)) {
      if (PQputCopyData(c, buf.data(), buf.size()) != 1) Die(PQerrorMessage(c));
      buf.clear();
    }
  }
  if (!buf.empty() && PQputCopyData(c, buf.data(), buf.size()) != 1) Die(PQerrorMessage(c));
  if (PQputCopyEnd(c, nullptr) != 1) Die(PQerrorMessage(c));
  r = PQgetResult(c);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) Die(std::string("COPY: ") + PQerrorMessage(c));
  PQclear(r);
  auto t1 = Clock::now();
  Exec(c, "UPDATE names SET norm = lower(unaccent(name))");
  Exec(c, "CREATE INDEX names_trgm ON names USING gin (norm gin_trgm_ops)");
  Exec(c, "ANALYZE names");
  auto t2 = Clock::now();
  PGresult* sz = PQexec(c, "SELECT pg_total_relation_size('names')");
  long long bytes = PQresultStatus(sz) == PGRES_TUPLES_OK ? std::stoll(PQgetvalue(sz, 0, 0)) : -1;
  PQclear(sz);
  std::cout << json{{"workload", "pg_load"},
                    {"entities", entities},
                    {"rows", rows},
                    {"copy_seconds", Seconds(t0, t1)},
                    {"index_seconds", Seconds(t1, t2)},
                    {"build_seconds", Seconds(t0, t2)},
                    {"table_and_index_bytes", bytes}}
                   .dump()
            << "\n";
  return 0;
}

int Query(PGconn* c, const std::string& queries, const std::string& out_path, int k,
          double threshold) {
  std::ifstream in(queries);
  if (!in) Die("cannot open " + queries);
  std::ofstream out(out_path);
  Exec(c, "SET pg_trgm.similarity_threshold = " + std::to_string(threshold));
  // More name rows than k, so k distinct entities survive when one entity
  // has several similar names.
  std::string sql =
      "SELECT id, similarity(norm, q) AS s FROM names, (SELECT lower(unaccent($1)) AS q) p "
      "WHERE norm % q ORDER BY s DESC, id LIMIT " +
      std::to_string(k * 3);
  PGresult* prep = PQprepare(c, "match", sql.c_str(), 1, nullptr);
  if (PQresultStatus(prep) != PGRES_COMMAND_OK) Die(std::string("prepare: ") + PQerrorMessage(c));
  PQclear(prep);
  std::string line;
  std::vector<double> us;
  auto t0 = Clock::now();
  double cpu0 = CpuSeconds(c);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = json::parse(line);
    std::string name = j["properties"]["name"][0];
    const char* params[1] = {name.c_str()};
    auto s = Clock::now();
    PGresult* r = PQexecPrepared(c, "match", 1, params, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) Die(std::string("query: ") + PQerrorMessage(c));
    json hits = json::array();
    std::vector<std::string> seen;
    for (int i = 0; i < PQntuples(r) && int(seen.size()) < k; ++i) {
      std::string id = PQgetvalue(r, i, 0);
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      hits.push_back({id, std::stod(PQgetvalue(r, i, 1))});
    }
    PQclear(r);
    double u = std::chrono::duration<double, std::micro>(Clock::now() - s).count();
    us.push_back(u);
    out << json{{"id", j["id"]}, {"us", u}, {"hits", hits}}.dump() << "\n";
  }
  double wall = Seconds(t0, Clock::now());
  double cpu = CpuSeconds(c) - cpu0;
  std::sort(us.begin(), us.end());
  auto q = [&](double p) { return us[std::min(us.size() - 1, size_t(p * us.size()))] / 1000.0; };
  std::cout << json{{"workload", "pg_query"},
                    {"queries", us.size()},
                    {"wall_seconds", wall},
                    {"cpu_seconds", cpu},
                    {"qps", us.size() / wall},
                    {"qps_per_core", us.size() / cpu},
                    {"latency", {{"p50_ms", q(0.5)}, {"p99_ms", q(0.99)}}}}
                   .dump()
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Die("usage: pg_peer load|query --conninfo C ...");
  std::map<std::string, std::string> f;
  for (int i = 2; i + 1 < argc; i += 2) f[std::string(argv[i]).substr(2)] = argv[i + 1];
  PGconn* c = PQconnectdb(f["conninfo"].c_str());
  if (PQstatus(c) != CONNECTION_OK) Die(std::string("connect: ") + PQerrorMessage(c));
  std::string mode = argv[1];
  int rc;
  if (mode == "load") {
    rc = Load(c, f["list"]);
  } else if (mode == "query") {
    rc = Query(c, f["queries"], f["out"], f.count("k") ? std::stoi(f["k"]) : 5,
               f.count("threshold") ? std::stod(f["threshold"]) : 0.3);
  } else {
    Die("unknown mode " + mode);
  }
  PQfinish(c);
  return rc;
}
