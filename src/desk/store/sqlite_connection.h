// The SQLite driver behind the Store: one file opened in WAL mode with
// synchronous=FULL, so that a committed transaction survives a crash of the
// process or the machine.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>

#include "desk/store/sql.h"

namespace tandem::desk {

class SqliteConnection : public SqlConnection {
 public:
  static std::unique_ptr<SqliteConnection> open(const std::string& path, std::string* error);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  SqlResult run(std::string_view sql, const std::vector<SqlArg>& args = {}) override;
  bool exec_script(std::string_view sql) override;
  std::string error() const override { return sqlite3_errmsg(db_); }
  bool broken() const override { return false; }  // a file does not go away
  bool reconnect() override { return true; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace tandem::desk
