// What agents do to a conversation besides writing to the customer: take and
// release it, leave internal notes (a table the customer routes never read),
// and the audit of every action (store.h).
#include "desk/store/store.h"

namespace tandem::desk {

AssignResult Store::reassign(const std::string& conversation_id, const std::string& actor,
                             const std::string& to, bool may_take_from_others, const char* action,
                             std::int64_t now_ms) {
  AssignResult result;
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    if (dialect_.lock_conversation &&
        !session.db.run(dialect_.lock_conversation, {conversation_id}).ok) {
      return false;
    }
    const SqlResult current =
        session.db.run("SELECT assignee FROM conversations WHERE id = $1", {conversation_id});
    if (!current.ok) return false;
    if (current.empty()) {
      result = {AssignOutcome::kNotFound, ""};
      return true;
    }
    const std::string holder = current.text(0, 0);
    if (holder == to) {
      result = {AssignOutcome::kUnchanged, holder};
      return true;
    }
    if (!holder.empty() && holder != actor && !may_take_from_others) {
      result = {AssignOutcome::kSomeoneElses, holder};
      return true;
    }
    if (!session.db
             .run("UPDATE conversations SET assignee = $2 WHERE id = $1",
                  {conversation_id, to.empty() ? std::nullopt : std::optional(to)})
             .ok ||
        !record(session, conversation_id, actor, action, now_ms) || !transaction.commit()) {
      return false;
    }
    result = {AssignOutcome::kChanged, to};
    return true;
  });
  return result;
}

AssignResult Store::take(const std::string& conversation_id, const std::string& agent,
                         std::int64_t now_ms) {
  return reassign(conversation_id, agent, agent, false, "took", now_ms);
}

AssignResult Store::release(const std::string& conversation_id, const std::string& agent,
                            bool may_release_others, std::int64_t now_ms) {
  return reassign(conversation_id, agent, "", may_release_others, "released", now_ms);
}

std::optional<std::string> Store::assignee(const std::string& conversation_id) {
  return read_text("SELECT assignee FROM conversations WHERE id = $1", conversation_id);
}

bool Store::add_note(const std::string& conversation_id, const std::string& agent,
                     const std::string& text, std::int64_t now_ms) {
  return with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    return transaction.ok() &&
           session.db
               .run(
                   "INSERT INTO notes (conversation_id, agent, text, time_ms) "
                   "VALUES ($1, $2, $3, $4)",
                   {conversation_id, agent, text, now_ms})
               .ok &&
           record(session, conversation_id, agent, "noted", now_ms) && transaction.commit();
  });
}

std::optional<std::vector<Note>> Store::notes(const std::string& conversation_id) {
  std::vector<Note> out;
  if (!read_rows("SELECT agent, text, time_ms FROM notes WHERE conversation_id = $1 ORDER BY id",
                 {conversation_id}, [&](const SqlResult& rows, std::size_t r) {
                   out.push_back({rows.text(r, 0), rows.text(r, 1), rows.integer(r, 2)});
                 })) {
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<AuditEntry>> Store::audit(const std::string& conversation_id) {
  std::vector<AuditEntry> out;
  if (!read_rows("SELECT actor, action, time_ms FROM audit WHERE conversation_id = $1 ORDER BY id",
                 {conversation_id}, [&](const SqlResult& rows, std::size_t r) {
                   out.push_back({rows.text(r, 0), rows.text(r, 1), rows.integer(r, 2)});
                 })) {
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<std::optional<std::int64_t>>> Store::human_resolutions(
    std::int64_t since_ms, std::int64_t until_ms) {
  return optional_integers(
      "SELECT CASE WHEN resolved_by IS NOT NULL AND resolved_by <> $3 THEN "
      "resolved_ms - received_ms END FROM conversations "
      "WHERE received_ms >= $1 AND received_ms < $2",
      {since_ms, until_ms, kCustomerActor});
}

bool Store::read_rows(const char* sql, const std::vector<SqlArg>& args,
                      const std::function<void(const SqlResult&, std::size_t)>& each) {
  return with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(sql, args);
    if (!rows.ok) return false;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) each(rows, r);
    return true;
  });
}

std::optional<std::vector<std::optional<std::int64_t>>> Store::optional_integers(
    const char* sql, const std::vector<SqlArg>& args) {
  std::vector<std::optional<std::int64_t>> out;
  if (!read_rows(sql, args, [&](const SqlResult& rows, std::size_t r) {
        out.push_back(rows.null(r, 0) ? std::nullopt : std::optional(rows.integer(r, 0)));
      })) {
    return std::nullopt;
  }
  return out;
}

}  // namespace tandem::desk
