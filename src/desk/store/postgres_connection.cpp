#include "desk/store/postgres_connection.h"

namespace tandem::desk {
namespace {

// libpq's messages end with a newline; ours do not.
std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::unique_ptr<PostgresConnection> PostgresConnection::open(const std::string& uri,
                                                             std::string* error) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    *error = conn ? trimmed(PQerrorMessage(conn)) : "out of memory";
    PQfinish(conn);
    return nullptr;
  }
  std::unique_ptr<PostgresConnection> db(new PostgresConnection(conn));
  // Notices (e.g. "relation already exists, skipping") are not the desk's errors.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return db;
}

PostgresConnection::~PostgresConnection() {
  PQfinish(conn_);
}

std::string PostgresConnection::error() const {
  return trimmed(PQerrorMessage(conn_));
}

bool PostgresConnection::reconnect() {
  PQreset(conn_);
  return !broken();
}

SqlResult PostgresConnection::run(std::string_view sql, const std::vector<SqlArg>& args) {
  std::vector<std::string> texts(args.size());
  std::vector<const char*> values(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].is_null) continue;
    texts[i] = args[i].is_number ? std::to_string(args[i].number) : args[i].text;
    values[i] = texts[i].c_str();
  }
  SqlResult result;
  PGresult* answer = PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(args.size()),
                                  nullptr, values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(answer);
  result.ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
  if (result.ok) {
    for (int row = 0; row < PQntuples(answer); ++row) {
      auto& out = result.rows.emplace_back();
      for (int column = 0; column < PQnfields(answer); ++column) {
        if (PQgetisnull(answer, row, column)) {
          out.emplace_back(std::nullopt);
        } else {
          out.emplace_back(std::string(PQgetvalue(answer, row, column),
                                       static_cast<std::size_t>(PQgetlength(answer, row, column))));
        }
      }
    }
    result.changes = std::strtoll(PQcmdTuples(answer), nullptr, 10);
  }
  PQclear(answer);
  return result;
}

bool PostgresConnection::exec_script(std::string_view sql) {
  PGresult* answer = PQexec(conn_, std::string(sql).c_str());
  const bool ok =
      PQresultStatus(answer) == PGRES_COMMAND_OK || PQresultStatus(answer) == PGRES_TUPLES_OK;
  PQclear(answer);
  return ok;
}

}  // namespace tandem::desk
