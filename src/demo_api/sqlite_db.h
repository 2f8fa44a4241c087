// A thin RAII layer over SQLite for the demo API: one connection, prepared
// statements only, so no value ever becomes SQL text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tandem::demo_api {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return statement_ != nullptr; }
  // 1-based parameter index, as in SQLite.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t number);
  // True while rows come; false when done or on error (see error()).
  bool step();
  // Runs to completion; true when it succeeded.
  bool run();
  std::string text(int column) const;
  std::int64_t integer(int column) const;
  bool null(int column) const;
  bool failed() const { return failed_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
  bool failed_ = false;
};

class Database {
 public:
  // Opens (creating) the file in WAL mode with synchronous=FULL, so that a
  // committed transaction survives a crash of the process or the machine.
  static std::unique_ptr<Database> open(const std::string& path, std::string* error);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() { return db_; }
  bool exec(std::string_view sql);  // for fixed SQL without parameters only
  std::string error() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Rolls back unless committed, so every early return leaves no transaction open.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db), open_(db.exec("BEGIN IMMEDIATE")) {}
  ~Transaction() {
    if (open_) db_.exec("ROLLBACK");
  }
  bool ok() const { return open_; }
  bool commit() {
    open_ = !db_.exec("COMMIT");
    return !open_;
  }

 private:
  Database& db_;
  bool open_;
};

}  // namespace tandem::demo_api
