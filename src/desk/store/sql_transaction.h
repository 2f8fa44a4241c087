// One caller's turn on a pooled connection, and a transaction on it that
// rolls back unless committed, so every early return leaves none open.
#pragma once

#include "desk/store/sql.h"

namespace tandem::desk {

struct SqlSession {
  SqlConnection& db;
  // Set once COMMIT went out: if the connection breaks now, whether the
  // transaction committed is unknown, so the work must not be run again.
  bool commit_sent = false;
};

class SqlTransaction {
 public:
  SqlTransaction(SqlSession& session, const char* begin)
      : session_(session), open_(session.db.exec_script(begin)) {}
  ~SqlTransaction() {
    if (open_) session_.db.exec_script("ROLLBACK");
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;

  bool ok() const { return open_; }
  bool commit() {
    session_.commit_sent = true;
    open_ = !session_.db.exec_script("COMMIT");
    return !open_;
  }

 private:
  SqlSession& session_;
  bool open_;
};

}  // namespace tandem::desk
