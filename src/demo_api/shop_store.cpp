#include "shop_store.h"

#include <cstdio>
#include <ctime>

#include "seed.h"

namespace tandem::demo_api {

using nlohmann::json;

std::string date_from_today(int days) {
  const std::time_t when = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm utc{};
  gmtime_r(&when, &utc);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday);
  return buffer;
}

std::string money_text(std::int64_t cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buffer;
}

std::unique_ptr<ShopStore> ShopStore::open(const std::string& path, std::string* error) {
  auto db = Database::open(path, error);
  if (!db) return nullptr;
  if (!create_schema(*db) || !seed_if_empty(*db)) {
    *error = "cannot create the demo data: " + db->error();
    return nullptr;
  }
  return std::unique_ptr<ShopStore>(new ShopStore(std::move(db)));
}

json ShopStore::customers() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement rows(db_->handle(), "SELECT name, email FROM customers ORDER BY email");
  json list = json::array();
  while (rows.step()) list.push_back({{"name", rows.text(0)}, {"email", rows.text(1)}});
  return {{"customers", list}};
}

namespace {

std::optional<Customer> one_customer(Database& db, const char* where, const std::string& value) {
  Statement row(db.handle(), std::string("SELECT id, name, email FROM customers WHERE ") + where);
  if (!row.bind(1, value).step()) return std::nullopt;
  return Customer{row.text(0), row.text(1), row.text(2)};
}

}  // namespace

std::optional<Customer> ShopStore::customer_by_email(const std::string& email) {
  std::lock_guard<std::mutex> lock(mutex_);
  return one_customer(*db_, "email = lower(?)", email);
}

std::optional<Customer> ShopStore::customer_by_id(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return one_customer(*db_, "id = ?", id);
}

json ShopStore::next_instalment(const Customer& customer) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement row(db_->handle(),
                "SELECT i.order_id, i.number, i.amount_cents, o.currency, i.due_date, o.plan, "
                "(SELECT COUNT(*) FROM instalments n WHERE n.order_id = i.order_id), "
                "(SELECT SUM(amount_cents) FROM instalments r "
                " WHERE r.order_id = i.order_id AND r.paid_on IS NULL) "
                "FROM instalments i JOIN orders o ON o.order_id = i.order_id "
                "WHERE o.customer_id = ? AND i.paid_on IS NULL "
                "ORDER BY i.due_date, i.order_id LIMIT 1");
  if (!row.bind(1, customer.id).step()) {
    return {{"order_id", nullptr},
            {"amount", nullptr},
            {"currency", nullptr},
            {"due_date", nullptr},
            {"status", "none"}};
  }
  const std::string due = row.text(4);
  return {{"order_id", row.text(0)},
          {"amount", money_text(row.integer(2))},
          {"currency", row.text(3)},
          {"due_date", due},
          {"status", due < date_from_today(0) ? "overdue" : "scheduled"},
          {"instalment_number", row.integer(1)},
          {"instalments_total", row.integer(6)},
          {"plan", row.text(5)},
          {"remaining_amount", money_text(row.integer(7))},
          {"card_last4", "4242"}};
}

std::optional<json> ShopStore::order(const Customer& customer, const std::string& order_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement row(db_->handle(),
                "SELECT o.order_id, o.shop, o.status, s.carrier, s.tracking_status, s.eta, "
                "o.placed_on, o.total_cents, o.currency, o.risk_score_percent, "
                "s.tracking_number, s.delay_reason "
                "FROM orders o JOIN shipments s ON s.order_id = o.order_id "
                "WHERE o.order_id = ? AND o.customer_id = ?");
  if (!row.bind(1, order_id).bind(2, customer.id).step()) return std::nullopt;
  return json{{"order_id", row.text(0)},
              {"shop", row.text(1)},
              {"status", row.text(2)},
              {"carrier", row.text(3)},
              {"tracking_status", row.text(4)},
              {"eta", row.text(5)},
              {"placed_on", row.text(6)},
              {"total", money_text(row.integer(7))},
              {"currency", row.text(8)},
              {"internal_risk_score", static_cast<double>(row.integer(9)) / 100},
              {"tracking_number", row.text(10)},
              {"delay_reason", row.null(11) ? json(nullptr) : json(row.text(11))}};
}

json ShopStore::notices(const Customer& customer) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement rows(db_->handle(),
                 "SELECT id, kind, title, text, order_id FROM notices "
                 "WHERE customer_id = ? ORDER BY id");
  rows.bind(1, customer.id);
  json list = json::array();
  while (rows.step()) {
    list.push_back({{"id", rows.text(0)},
                    {"kind", rows.text(1)},
                    {"title", rows.text(2)},
                    {"text", rows.text(3)},
                    {"order_id", rows.null(4) ? json(nullptr) : json(rows.text(4))}});
  }
  return {{"notices", list}};
}

}  // namespace tandem::demo_api
