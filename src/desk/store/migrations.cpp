#include "desk/store/dialect.h"

namespace tandem::desk {

bool migrate(SqlConnection& db, const Dialect& dialect, std::string* error) {
  const auto fail = [&] {
    *error = "schema migration failed: " + db.error();
    db.exec_script("ROLLBACK");
    return false;
  };
  if (!db.exec_script(dialect.begin)) return fail();
  if (dialect.migration_lock && !db.run(dialect.migration_lock).ok) return fail();
  if (!db.exec_script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) {
    return fail();
  }
  const SqlResult current = db.run("SELECT MAX(version) FROM schema_version");
  if (!current.ok) return fail();
  int version = current.null(0, 0) ? dialect.unversioned_version(db)
                                   : static_cast<int>(current.integer(0, 0));
  for (const Migration& migration : dialect.migrations) {
    if (migration.version <= version) continue;
    if (!db.exec_script(migration.script) ||
        !db.run("INSERT INTO schema_version (version) VALUES ($1)", {migration.version}).ok) {
      return fail();
    }
    version = migration.version;
  }
  if (!db.exec_script("COMMIT")) return fail();
  return true;
}

}  // namespace tandem::desk
