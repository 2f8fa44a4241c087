// The Store's agent accounts and sign-in sessions (store.h). Sessions are
// rows keyed by a hash of their id, so they end one by one (sign-out, a
// disabled account) and every desk instance on the database knows them.
#include "desk/store/store.h"

namespace tandem::desk {
namespace {

AgentAccount account_of(const SqlResult& rows, std::size_t r) {
  AgentAccount account{rows.text(r, 0), rows.text(r, 1), rows.integer(r, 2), std::nullopt};
  if (!rows.null(r, 3)) account.disabled_ms = rows.integer(r, 3);
  return account;
}

}  // namespace

std::optional<bool> Store::add_agent(const AgentAccount& account, const std::string& secret_hash) {
  std::optional<bool> added;
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    const std::optional<std::string> display =
        account.display_name.empty() ? std::nullopt : std::optional(account.display_name);
    const SqlResult inserted = session.db.run(
        "INSERT INTO agents (name, display_name, secret_hash, created_ms) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (name) DO NOTHING",
        {account.name, display, secret_hash, account.created_ms});
    if (!inserted.ok) return false;
    if (inserted.changes == 0) {
      added = false;
      return true;
    }
    if (!transaction.commit()) return false;
    added = true;
    return true;
  });
  return added;
}

std::optional<std::vector<AgentAccount>> Store::agents() {
  std::optional<std::vector<AgentAccount>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT name, display_name, created_ms, disabled_ms FROM agents ORDER BY name");
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) out->push_back(account_of(rows, r));
    return true;
  });
  return out;
}

std::optional<bool> Store::disable_agent(const std::string& name, std::int64_t now_ms) {
  std::optional<bool> disabled;
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    const SqlResult update =
        session.db.run("UPDATE agents SET disabled_ms = COALESCE(disabled_ms, $2) WHERE name = $1",
                       {name, now_ms});
    if (!update.ok || !session.db.run("DELETE FROM agent_sessions WHERE agent = $1", {name}).ok ||
        !transaction.commit()) {
      return false;
    }
    disabled = update.changes == 1;
    return true;
  });
  return disabled;
}

std::optional<std::vector<AgentCredentials>> Store::credentials(const std::string& name) {
  std::optional<std::vector<AgentCredentials>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT name, display_name, created_ms, disabled_ms, secret_hash FROM agents "
        "WHERE name = $1 AND disabled_ms IS NULL",
        {name});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      out->push_back({account_of(rows, r), rows.text(r, 4)});
    }
    return true;
  });
  return out;
}

bool Store::add_session(const std::string& id_sha256, const std::string& agent, std::int64_t now_ms,
                        std::int64_t expires_ms) {
  return with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    // Expired sessions go as new ones come, so the table stays small.
    return transaction.ok() &&
           session.db.run("DELETE FROM agent_sessions WHERE expires_ms <= $1", {now_ms}).ok &&
           session.db
               .run(
                   "INSERT INTO agent_sessions (id_sha256, agent, created_ms, expires_ms) "
                   "VALUES ($1, $2, $3, $4)",
                   {id_sha256, agent, now_ms, expires_ms})
               .ok &&
           transaction.commit();
  });
}

std::optional<std::vector<AgentIdentity>> Store::session_agent(const std::string& id_sha256,
                                                               std::int64_t now_ms) {
  std::optional<std::vector<AgentIdentity>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT s.agent, a.display_name FROM agent_sessions s LEFT JOIN agents a "
        "ON a.name = s.agent WHERE s.id_sha256 = $1 AND s.expires_ms > $2 AND "
        "(s.agent = $3 OR (a.name IS NOT NULL AND a.disabled_ms IS NULL))",
        {id_sha256, now_ms, kSharedAgent});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      out->push_back({rows.text(r, 0), rows.text(r, 1)});
    }
    return true;
  });
  return out;
}

bool Store::end_session(const std::string& id_sha256) {
  return with_connection([&](SqlSession& session) {
    return session.db.run("DELETE FROM agent_sessions WHERE id_sha256 = $1", {id_sha256}).ok;
  });
}

}  // namespace tandem::desk
