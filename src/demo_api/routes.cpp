#include <chrono>
#include <thread>

#include "api.h"
#include "desk/http/http_util.h"
#include "jwt.h"
#include "limits.h"

namespace tandem::demo_api {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr const char* kIssuer = "lumenpay-demo-api";

std::int64_t now_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// The signed-in customer of a request, checked afresh on every call: the
// token's signature, algorithm, expiry and issuer, then that the customer
// still exists. Anything else answers 401.
std::optional<Customer> authenticate(Api& api, const Request& req, Response& res) {
  const auto token = desk::bearer_token(req);
  std::optional<Customer> customer;
  if (token) {
    const auto claims = verify_hs256(*token, api.options.secret, now_seconds());
    if (const auto* valid = std::get_if<json>(&claims)) {
      const auto sub = valid->value("sub", json());
      if (valid->value("iss", json()) == kIssuer && sub.is_string()) {
        customer = api.store.customer_by_id(sub.get<std::string>());
      }
    }
  }
  if (!customer) {
    res.set_header("WWW-Authenticate", "Bearer");
    desk::send_error(res, 401, "unauthorized");
  }
  return customer;
}

void sign_in(Api& api, const Request& req, Response& res) {
  if (!desk::has_json_content_type(req)) {
    desk::send_json(
        res, 415,
        {{"error", "unsupported_media_type"}, {"detail", "send the body as application/json"}});
    return;
  }
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("customer") || !body["customer"].is_string()) {
    desk::send_json(
        res, 400,
        {{"error", "bad_request"}, {"detail", "the body is {\"customer\": \"an email\"}"}});
    return;
  }
  const auto customer = api.store.customer_by_email(body["customer"].get<std::string>());
  if (!customer) {
    desk::send_json(
        res, 404,
        {{"error", "unknown_customer"}, {"customers", api.store.customers()["customers"]}});
    return;
  }
  const std::int64_t now = now_seconds();
  const json claims = {{"iss", kIssuer},
                       {"sub", customer->id},
                       {"iat", now},
                       {"exp", now + api.options.token_ttl_seconds}};
  desk::send_json(res, 200,
                  {{"token", sign_hs256(claims, api.options.secret)},
                   {"expires_in", api.options.token_ttl_seconds},
                   {"customer", {{"name", customer->name}, {"email", customer->email}}}});
}

// --faults: the failures an action must survive, on fixed order ids.
bool answer_fault(const std::string& order_id, Response& res) {
  if (order_id == "LP-000500") {
    desk::send_error(res, 500, "internal");
  } else if (order_id == "LP-000504") {
    std::this_thread::sleep_for(std::chrono::seconds(kSlowFaultSeconds));
    desk::send_json(res, 200,
                    {{"order_id", order_id},
                     {"shop", "Slow Shop"},
                     {"status", "shipped"},
                     {"carrier", "ParcelNet"},
                     {"tracking_status", "in_transit"},
                     {"eta", date_from_today(1)}});
  } else if (order_id == "LP-000777") {
    res.status = 200;
    res.set_content("<html><body>Bad gateway</body></html>", "application/json");
  } else {
    return false;
  }
  return true;
}

}  // namespace

void add_routes(httplib::Server& server, Api& api) {
  server.Get("/v1/demo/customers", [&api](const Request&, Response& res) {
    desk::send_json(res, 200, api.store.customers());
  });
  server.Post("/v1/demo/sign-in",
              [&api](const Request& req, Response& res) { sign_in(api, req, res); });
  server.Get("/v1/instalments/next", [&api](const Request& req, Response& res) {
    if (const auto customer = authenticate(api, req, res)) {
      desk::send_json(res, 200, api.store.next_instalment(*customer));
    }
  });
  server.Get(R"(/v1/orders/([^/]+))", [&api](const Request& req, Response& res) {
    const auto customer = authenticate(api, req, res);
    if (!customer) return;
    const std::string order_id = req.matches[1];
    if (api.options.faults && answer_fault(order_id, res)) return;
    if (const auto order = api.store.order(*customer, order_id)) {
      desk::send_json(res, 200, *order);
    } else {
      desk::send_error(res, 404, "not_found");
    }
  });
  server.Get("/v1/notices", [&api](const Request& req, Response& res) {
    if (const auto customer = authenticate(api, req, res)) {
      desk::send_json(res, 200, api.store.notices(*customer));
    }
  });
}

}  // namespace tandem::demo_api
