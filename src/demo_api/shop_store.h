// The demo shop's data in SQLite: customers, orders, shipments, instalment
// plans and notices, seeded with dates around the day of the first start.
#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "demo_api/sqlite_db.h"

namespace tandem::demo_api {

struct Customer {
  std::string id;  // the token's "sub"
  std::string name;
  std::string email;
};

class ShopStore {
 public:
  // Opens (creating and seeding an empty file) the database at path.
  static std::unique_ptr<ShopStore> open(const std::string& path, std::string* error);

  nlohmann::json customers();  // {"customers": [{name, email}]}, for the demo sign-in
  std::optional<Customer> customer_by_email(const std::string& email);
  std::optional<Customer> customer_by_id(const std::string& id);
  // The customer's earliest unpaid instalment; "status" is "overdue" when its
  // date is before today, "none" when nothing is left to pay.
  nlohmann::json next_instalment(const Customer& customer);
  // nullopt when the order is not this customer's (or does not exist).
  std::optional<nlohmann::json> order(const Customer& customer, const std::string& order_id);
  nlohmann::json notices(const Customer& customer);

 private:
  explicit ShopStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  std::unique_ptr<Database> db_;
  std::mutex mutex_;  // one statement at a time on the one connection
};

// days after today (UTC; negative: before) as YYYY-MM-DD.
std::string date_from_today(int days);
// 4520 -> "45.20": money as the decimal text APIs send, never a float.
std::string money_text(std::int64_t cents);

}  // namespace tandem::demo_api
