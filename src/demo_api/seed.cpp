#include "seed.h"

#include <cstdint>
#include <string>
#include <vector>

#include "shop_store.h"

namespace tandem::demo_api {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS customers(
  id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders(
  order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id),
  shop TEXT NOT NULL, status TEXT NOT NULL, placed_on TEXT NOT NULL,
  total_cents INTEGER NOT NULL, currency TEXT NOT NULL, plan TEXT NOT NULL,
  risk_score_percent INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS shipments(
  order_id TEXT PRIMARY KEY REFERENCES orders(order_id), carrier TEXT NOT NULL,
  tracking_number TEXT NOT NULL, tracking_status TEXT NOT NULL, eta TEXT NOT NULL,
  delay_reason TEXT);
CREATE TABLE IF NOT EXISTS instalments(
  order_id TEXT NOT NULL REFERENCES orders(order_id), number INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL, due_date TEXT NOT NULL, paid_on TEXT,
  PRIMARY KEY(order_id, number));
CREATE TABLE IF NOT EXISTS notices(
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, order_id TEXT);
)sql";

struct OrderRow {
  const char* order_id;
  const char* customer_id;
  const char* shop;
  const char* status;
  int placed_days;
  std::int64_t total_cents;
  const char* plan;
  int risk_score_percent;
  const char* carrier;
  const char* tracking_status;
  int eta_days;
  const char* delay_reason;  // nullptr: on time
};

struct InstalmentRow {
  const char* order_id;
  int number;
  std::int64_t amount_cents;
  int due_days;
  bool paid;
};

struct NoticeRow {
  const char* id;
  const char* customer_id;
  const char* kind;
  std::string title;
  std::string text;
  const char* order_id;
};

const OrderRow kOrders[] = {
    {"LP-000123", "cus_ada", "Northwind Outdoor", "shipped", -2, 18080, "pay_in_4", 7, "ParcelNet",
     "in_transit", 2, nullptr},
    {"LP-000124", "cus_ada", "Harbor Books", "delayed", -9, 3250, "pay_in_30_days", 31, "SwiftPost",
     "held_at_depot", 4, "bad weather at the regional depot"},
    {"LP-000118", "cus_ada", "Northwind Outdoor", "delivered", -30, 6400, "pay_in_4", 5,
     "ParcelNet", "delivered", -24, nullptr},
    {"LP-000210", "cus_grace", "Cedar & Co", "processing", -1, 10000, "pay_in_4", 12, "ParcelNet",
     "label_created", 6, nullptr},
    {"LP-000201", "cus_grace", "Harbor Books", "delivered", -45, 5000, "pay_in_4", 44, "SwiftPost",
     "delivered", -40, nullptr},
    {"LP-000300", "cus_alan", "Cedar & Co", "delivered", -60, 2599, "pay_in_30_days", 3,
     "ParcelNet", "delivered", -55, nullptr},
};

const InstalmentRow kInstalments[] = {
    {"LP-000123", 1, 4520, -2, true},  {"LP-000123", 2, 4520, 12, false},
    {"LP-000123", 3, 4520, 26, false}, {"LP-000123", 4, 4520, 40, false},
    {"LP-000124", 1, 3250, 21, false}, {"LP-000118", 1, 1600, -30, true},
    {"LP-000118", 2, 1600, -16, true}, {"LP-000118", 3, 1600, -2, true},
    {"LP-000210", 1, 2500, -1, true},  {"LP-000210", 2, 2500, 13, false},
    {"LP-000201", 1, 1250, -45, true}, {"LP-000201", 2, 1250, -31, true},
    {"LP-000201", 3, 1250, -17, true}, {"LP-000201", 4, 1250, -3, false},
    {"LP-000300", 1, 2599, -30, true},
};

std::vector<NoticeRow> notices() {
  return {
      {"ntc_ada_delay", "cus_ada", "shipment_delayed", "Your Harbor Books parcel is delayed",
       "Order LP-000124 is held at the SwiftPost depot because of bad weather. New estimate: " +
           date_from_today(4) + ".",
       "LP-000124"},
      {"ntc_ada_instalment", "cus_ada", "instalment_due",
       "Next instalment on " + date_from_today(12),
       "$45.20 for order LP-000123 will be taken on " + date_from_today(12) + ".", "LP-000123"},
      {"ntc_ada_refund", "cus_ada", "refund_sent", "Refund sent for LP-000118",
       "We sent $16.00 back to your card on " + date_from_today(-1) +
           "; banks take up to 5 working days to show it.",
       "LP-000118"},
      {"ntc_grace_overdue", "cus_grace", "instalment_overdue", "An instalment is overdue",
       "$12.50 for order LP-000201 was due on " + date_from_today(-3) +
           ". Pay it in the app to avoid a late fee.",
       "LP-000201"},
  };
}

bool insert_customers(Database& db) {
  const char* rows[][3] = {{"cus_ada", "ada@example.com", "Ada Lovelace"},
                           {"cus_grace", "grace@example.com", "Grace Hopper"},
                           {"cus_alan", "alan@example.com", "Alan Turing"}};
  for (const auto& row : rows) {
    Statement insert(db.handle(), "INSERT INTO customers(id, email, name) VALUES(?, ?, ?)");
    if (!insert.bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).run()) return false;
  }
  return true;
}

bool insert_orders(Database& db) {
  for (const auto& row : kOrders) {
    Statement order(db.handle(),
                    "INSERT INTO orders(order_id, customer_id, shop, status, placed_on, "
                    "total_cents, currency, plan, risk_score_percent) "
                    "VALUES(?, ?, ?, ?, ?, ?, 'USD', ?, ?)");
    order.bind(1, row.order_id).bind(2, row.customer_id).bind(3, row.shop).bind(4, row.status);
    order.bind(5, date_from_today(row.placed_days)).bind(6, row.total_cents).bind(7, row.plan);
    if (!order.bind(8, std::int64_t{row.risk_score_percent}).run()) return false;
    Statement shipment(db.handle(),
                       "INSERT INTO shipments(order_id, carrier, tracking_number, "
                       "tracking_status, eta, delay_reason) VALUES(?, ?, ?, ?, ?, ?)");
    shipment.bind(1, row.order_id).bind(2, row.carrier);
    shipment.bind(3, std::string("TRK") + (row.order_id + 3)).bind(4, row.tracking_status);
    shipment.bind(5, date_from_today(row.eta_days));
    if (row.delay_reason) shipment.bind(6, row.delay_reason);
    if (!shipment.run()) return false;
  }
  return true;
}

bool insert_instalments(Database& db) {
  for (const auto& row : kInstalments) {
    Statement insert(db.handle(),
                     "INSERT INTO instalments(order_id, number, amount_cents, due_date, paid_on) "
                     "VALUES(?, ?, ?, ?, ?)");
    const std::string due = date_from_today(row.due_days);
    insert.bind(1, row.order_id).bind(2, std::int64_t{row.number}).bind(3, row.amount_cents);
    insert.bind(4, due);
    if (row.paid) insert.bind(5, due);
    if (!insert.run()) return false;
  }
  return true;
}

bool insert_notices(Database& db) {
  for (const auto& row : notices()) {
    Statement insert(db.handle(),
                     "INSERT INTO notices(id, customer_id, kind, title, text, order_id) "
                     "VALUES(?, ?, ?, ?, ?, ?)");
    insert.bind(1, row.id).bind(2, row.customer_id).bind(3, row.kind).bind(4, row.title);
    if (!insert.bind(5, row.text).bind(6, row.order_id).run()) return false;
  }
  return true;
}

}  // namespace

bool create_schema(Database& db) {
  return db.exec(kSchema);
}

bool seed_if_empty(Database& db) {
  Transaction transaction(db);
  if (!transaction.ok()) return false;
  {
    Statement count(db.handle(), "SELECT COUNT(*) FROM customers");
    if (!count.step()) return false;
    if (count.integer(0) > 0) return true;
  }  // finished before the inserts
  return insert_customers(db) && insert_orders(db) && insert_instalments(db) &&
         insert_notices(db) && transaction.commit();
}

}  // namespace tandem::demo_api
