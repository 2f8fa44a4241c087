#include "sqlite_db.h"

namespace tandem::demo_api {

Statement::Statement(sqlite3* db, std::string_view sql) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
      SQLITE_OK) {
    statement_ = nullptr;
    failed_ = true;
  }
}

Statement::~Statement() {
  sqlite3_finalize(statement_);
}

Statement& Statement::bind(int index, std::string_view text) {
  if (!statement_ ||
      sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    failed_ = true;
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
  if (!statement_ || sqlite3_bind_int64(statement_, index, number) != SQLITE_OK) failed_ = true;
  return *this;
}

bool Statement::step() {
  if (failed_) return false;
  const int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status != SQLITE_DONE) failed_ = true;
  return false;
}

bool Statement::run() {
  while (step()) {
  }
  return !failed_;
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (!bytes) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

bool Statement::null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::unique_ptr<Database> Database::open(const std::string& path, std::string* error) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    *error = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return nullptr;
  }
  std::unique_ptr<Database> db(new Database(handle));
  sqlite3_busy_timeout(handle, 5000);
  // journal_mode answers with a row, so it is stepped rather than exec'd.
  Statement wal(handle, "PRAGMA journal_mode=WAL");
  const bool is_wal = wal.step() && wal.text(0) == "wal";
  if (!is_wal || !db->exec("PRAGMA synchronous=FULL") || !db->exec("PRAGMA foreign_keys=ON")) {
    *error = is_wal ? db->error() : "cannot switch the database to WAL mode";
    return nullptr;
  }
  return db;
}

Database::~Database() {
  sqlite3_close(db_);
}

bool Database::exec(std::string_view sql) {
  return sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::string Database::error() const {
  return sqlite3_errmsg(db_);
}

}  // namespace tandem::demo_api
