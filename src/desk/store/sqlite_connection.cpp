#include "desk/store/sqlite_connection.h"

namespace tandem::desk {
namespace {

// Binds $N by name, so a statement may use its parameters in any order.
bool bind_all(sqlite3_stmt* statement, const std::vector<SqlArg>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const int index =
        sqlite3_bind_parameter_index(statement, ("$" + std::to_string(i + 1)).c_str());
    if (index == 0) continue;  // a parameter this statement does not use
    const SqlArg& arg = args[i];
    const int status = arg.is_null ? sqlite3_bind_null(statement, index)
                       : arg.is_number
                           ? sqlite3_bind_int64(statement, index, arg.number)
                           : sqlite3_bind_text(statement, index, arg.text.data(),
                                               static_cast<int>(arg.text.size()), SQLITE_TRANSIENT);
    if (status != SQLITE_OK) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::string& path,
                                                         std::string* error) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    *error = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return nullptr;
  }
  std::unique_ptr<SqliteConnection> db(new SqliteConnection(handle));
  sqlite3_busy_timeout(handle, 5000);
  const SqlResult wal = db->run("PRAGMA journal_mode=WAL");
  const bool is_wal = wal.ok && !wal.empty() && wal.text(0, 0) == "wal";
  if (!is_wal || !db->exec_script("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")) {
    *error = is_wal ? db->error() : "cannot switch the database to WAL mode";
    return nullptr;
  }
  return db;
}

SqliteConnection::~SqliteConnection() {
  sqlite3_close(db_);
}

SqlResult SqliteConnection::run(std::string_view sql, const std::vector<SqlArg>& args) {
  SqlResult result;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    return result;
  }
  int status = bind_all(statement, args) ? SQLITE_ROW : SQLITE_ERROR;
  while (status == SQLITE_ROW && (status = sqlite3_step(statement)) == SQLITE_ROW) {
    auto& row = result.rows.emplace_back();
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      const auto* bytes = sqlite3_column_text(statement, column);
      if (bytes) {
        row.emplace_back(
            std::string(reinterpret_cast<const char*>(bytes),
                        static_cast<std::size_t>(sqlite3_column_bytes(statement, column))));
      } else {
        row.emplace_back(std::nullopt);
      }
    }
  }
  result.ok = status == SQLITE_DONE;
  result.changes = sqlite3_changes(db_);
  sqlite3_finalize(statement);
  return result;
}

bool SqliteConnection::exec_script(std::string_view sql) {
  return sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace tandem::desk
