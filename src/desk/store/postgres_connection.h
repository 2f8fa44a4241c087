// The PostgreSQL driver behind the Store: one libpq connection, statements
// sent with parameters out of line (PQexecParams), never spliced into SQL.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>

#include "desk/store/sql.h"

namespace tandem::desk {

class PostgresConnection : public SqlConnection {
 public:
  // uri: a libpq connection URI (postgresql://user@host:port/db?...).
  static std::unique_ptr<PostgresConnection> open(const std::string& uri, std::string* error);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  SqlResult run(std::string_view sql, const std::vector<SqlArg>& args = {}) override;
  bool exec_script(std::string_view sql) override;
  std::string error() const override;
  bool broken() const override { return PQstatus(conn_) != CONNECTION_OK; }
  bool reconnect() override;

  PGconn* handle() { return conn_; }

 private:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
};

}  // namespace tandem::desk
