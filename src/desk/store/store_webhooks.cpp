// The Store's webhook queue (docs/desk.md "Webhooks"): events written in the
// transaction of the change they report, so a crash never loses one nor
// sends one for a change that did not commit; then claimed one at a time by
// the delivery workers (webhook_worker.h), oldest first within a conversation.
#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/store/store.h"

namespace tandem::desk {
namespace {

const char* state_name(WebhookVerdict::State state) {
  switch (state) {
    case WebhookVerdict::State::kDelivered:
      return "delivered";
    case WebhookVerdict::State::kFailed:
      return "failed";
    case WebhookVerdict::State::kPending:
      break;
  }
  return "pending";
}

}  // namespace

void Store::queue_webhooks_for(const std::vector<std::string>& urls) {
  webhook_urls_ = urls;
  std::string targets;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    targets += (i ? ", $" : "$") + std::to_string(i + 2);
  }
  // A row waits while an older one of its conversation is pending (retrying,
  // or leased to a worker), so each receiver sees a conversation in order.
  claim_webhook_sql_ =
      "SELECT d.id, d.attempts, d.target, d.event_id, d.body FROM webhook_deliveries d "
      "WHERE d.state = 'pending' AND d.next_attempt_ms <= $1 AND d.target IN (" +
      targets +
      ") AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.state = 'pending' AND "
      "e.target = d.target AND e.conversation_id = d.conversation_id AND e.id < d.id) "
      "ORDER BY d.id LIMIT 1" +
      dialect_.claim_lock;
}

bool Store::queue_webhook(SqlSession& session, const char* type, const std::string& conversation_id,
                          const nlohmann::json& data, std::int64_t now_ms) {
  if (webhook_urls_.empty()) return true;
  const auto random = random_hex(kWebhookEventIdBytes);
  if (!random) return false;
  const std::string id = "wh_" + *random;
  const std::string body = nlohmann::json{
      {"schema", "tandem.webhook/1"},
      {"id", id},
      {"type", type},
      {"created_at", rfc3339_utc(now_ms)},
      {"conversation_id", conversation_id},
      {"data", data}}.dump();
  for (const std::string& url : webhook_urls_) {
    if (!session.db
             .run("INSERT INTO webhook_deliveries (event_id, target, conversation_id, type, "
                  "body, created_ms, next_attempt_ms) VALUES ($1, $2, $3, $4, $5, $6, $6)",
                  {id, url, conversation_id, type, body, now_ms})
             .ok) {
      return false;
    }
  }
  return true;
}

bool Store::queue_handoff_webhook(SqlSession& session, const std::string& conversation_id,
                                  const std::string& bundle, std::int64_t now_ms) {
  if (webhook_urls_.empty()) return true;
  return queue_webhook(session, "handoff.created", conversation_id,
                       {{"bundle", nlohmann::json::parse(bundle)}}, now_ms);
}

bool Store::queue_message_webhooks(SqlSession& session, const std::string& conversation_id,
                                   const Message& message, bool reopens) {
  if (webhook_urls_.empty()) return true;
  if (reopens && !queue_webhook(session, "conversation.reopened", conversation_id,
                                {{"status", "open"}}, message.time_ms)) {
    return false;
  }
  const nlohmann::json shown =
      message.role == "agent" ? agent_message_json(message) : message_json(message);
  return queue_webhook(session, ("message." + message.role).c_str(), conversation_id,
                       {{"message", shown}}, message.time_ms);
}

std::optional<WebhookDelivery> Store::claim_webhook(std::int64_t now_ms,
                                                    std::int64_t lease_until_ms) {
  std::optional<WebhookDelivery> out;
  if (webhook_urls_.empty()) return out;
  with_connection([&](SqlSession& session) {
    out.reset();
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    std::vector<SqlArg> args{now_ms};
    args.insert(args.end(), webhook_urls_.begin(), webhook_urls_.end());
    const SqlResult due = session.db.run(claim_webhook_sql_, args);
    if (!due.ok) return false;
    if (due.empty()) return true;
    WebhookDelivery delivery{due.integer(0, 0), due.integer(0, 1) + 1, due.text(0, 2),
                             due.text(0, 3), due.text(0, 4)};
    if (!session.db
             .run("UPDATE webhook_deliveries SET attempts = $2, last_attempt_ms = $3, "
                  "next_attempt_ms = $4 WHERE id = $1",
                  {delivery.id, delivery.attempt, now_ms, lease_until_ms})
             .ok ||
        !transaction.commit()) {
      return false;
    }
    out = std::move(delivery);
    return true;
  });
  return out;
}

bool Store::finish_webhook(const WebhookDelivery& delivery, const WebhookVerdict& verdict,
                           std::int64_t now_ms) {
  const bool finished = verdict.state != WebhookVerdict::State::kPending;
  const std::optional<std::int64_t> finished_ms =
      finished ? std::optional<std::int64_t>(now_ms) : std::nullopt;
  bool recorded = false;
  with_connection([&](SqlSession& session) {
    const SqlResult update = session.db.run(
        "UPDATE webhook_deliveries SET state = $3, next_attempt_ms = $4, last_status = $5, "
        "last_error = $6, finished_ms = $7 WHERE id = $1 AND attempts = $2 AND "
        "state = 'pending'",
        {delivery.id, delivery.attempt, state_name(verdict.state),
         finished ? now_ms : verdict.next_attempt_ms, verdict.status,
         verdict.error.substr(0, kMaxWebhookErrorChars), finished_ms});
    recorded = update.ok && update.changes == 1;
    return update.ok;
  });
  return recorded;
}

}  // namespace tandem::desk
