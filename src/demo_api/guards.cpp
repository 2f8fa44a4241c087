// A browser's page may call the API only from an --allow-origin site; other
// origins are refused outright, so a misconfigured site fails loudly.
#include <algorithm>

#include "api.h"
#include "desk/http/http_util.h"

namespace tandem::demo_api {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

HandlerResponse guard(const Api& api, const Request& req, Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  const std::string origin = req.get_header_value("Origin");
  if (!origin.empty()) {
    const auto& allowed = api.options.allowed_origins;
    if (std::find(allowed.begin(), allowed.end(), origin) == allowed.end()) {
      desk::send_error(res, 403, "origin_not_allowed");
      return HandlerResponse::Handled;
    }
    desk::allow_origin(res, origin);
  }
  if (req.method == "OPTIONS") {
    desk::answer_preflight(res, "Authorization, Content-Type");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

std::string error_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "request_too_large";
    default:
      return status >= 500 ? "internal" : "refused";
  }
}

}  // namespace

void add_guards(httplib::Server& server, const Api& api) {
  server.set_pre_routing_handler(
      [&api](const Request& req, Response& res) { return guard(api, req, res); });
  server.set_error_handler([](const Request&, Response& res) {
    if (res.body.empty()) desk::send_error(res, res.status, error_code(res.status));
  });
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    desk::send_error(res, 500, "internal");
  });
}

}  // namespace tandem::demo_api
