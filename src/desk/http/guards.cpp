// Checks every request passes before any route: the rate limit, then the
// origin rules. Customer routes answer browsers of the --allow-origin sites
// only; agent routes answer their own origin only.
#include <algorithm>

#include "desk/desk.h"
#include "desk/http/forwarded.h"
#include "desk/http/http_server.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

bool is_customer_path(const std::string& path) {
  return path == "/v1/handoffs" || path == "/v1/events" || path.rfind("/v1/conversations/", 0) == 0;
}

// Browsers send Origin on cross-origin requests and on same-origin POSTs; the
// agent's own pages come from the Host the request was sent to.
bool is_same_origin(const std::string& origin, const Request& req) {
  const auto scheme_end = origin.find("://");
  return scheme_end != std::string::npos &&
         origin.substr(scheme_end + 3) == req.get_header_value("Host");
}

HandlerResponse guard(Desk& desk, const Request& req, Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  if (!desk.limiter.allow(client_address(desk.options, req))) {
    send_too_many(res, "too many requests from this address: slow down", 1);
    return HandlerResponse::Handled;
  }
  const std::string origin = req.get_header_value("Origin");
  const bool customer = is_customer_path(req.path);
  if (!origin.empty()) {
    const auto& allowed = desk.options.allowed_origins;
    const bool ok = customer ? std::find(allowed.begin(), allowed.end(), origin) != allowed.end()
                             : is_same_origin(origin, req);
    if (!ok) {
      send_error(res, 403, "origin " + origin + " is not allowed");
      return HandlerResponse::Handled;
    }
    if (customer) allow_origin(res, origin);
  }
  if (req.method == "OPTIONS") {
    if (!customer) {
      send_error(res, 404, "no such route");
      return HandlerResponse::Handled;
    }
    answer_preflight(res, "Content-Type, Authorization, Idempotency-Key");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

std::string default_message(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "no such route";
    case 405:
      return "method not allowed";
    case 413:
      return "request body larger than " + std::to_string(kMaxBundleBytes) + " bytes";
    default:
      return status >= 500 ? "internal error" : "request refused";
  }
}

}  // namespace

void add_guards(httplib::Server& server, Desk& desk) {
  server.set_pre_routing_handler(
      [&desk](const Request& req, Response& res) { return guard(desk, req, res); });
  // Errors raised by httplib itself (unknown route, oversized body) get the
  // same JSON shape as the routes' own.
  server.set_error_handler([](const Request&, Response& res) {
    if (res.body.empty()) send_error(res, res.status, default_message(res.status));
  });
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    send_error(res, 500, "internal error");
  });
}

}  // namespace tandem::desk
