// Named agents sign in with their name and secret (agent_secret.h) and get a
// session (agent_auth.h); /inbox?token= does the same for the shared token.
#include <atomic>

#include "desk/agents/agent_auth.h"
#include "desk/agents/agent_secret.h"
#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/pages/inbox_page.h"
#include "desk/pages/signin_page.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

// The form from the page, or {"name", "secret"} from a script.
struct SignIn {
  bool from_form = true;
  std::string name, secret;
};

std::optional<SignIn> read_sign_in(const Request& req) {
  if (!has_json_content_type(req)) {
    return SignIn{true, req.get_param_value("name"), req.get_param_value("secret")};
  }
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("name") || !body["name"].is_string() ||
      !body.contains("secret") || !body["secret"].is_string()) {
    return std::nullopt;
  }
  return SignIn{false, body["name"].get<std::string>(), body["secret"].get<std::string>()};
}

void page(Response& res, int status, const std::string& error, const std::string& name) {
  res.status = status;
  res.set_header("Content-Security-Policy", kInboxContentSecurityPolicy);
  // Not no-referrer: under it browsers send "Origin: null" with the form,
  // which the same-origin check (guards.cpp) refuses.
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("X-Frame-Options", "DENY");
  res.set_content(render_sign_in(error, name), "text/html; charset=utf-8");
}

// Each check costs a slow KDF: at most kMaxConcurrentSignIns at once.
class SignInSlot {
 public:
  explicit SignInSlot(std::atomic<int>& busy)
      : busy_(busy), held_(++busy_ <= kMaxConcurrentSignIns) {}
  ~SignInSlot() { --busy_; }
  SignInSlot(const SignInSlot&) = delete;
  SignInSlot& operator=(const SignInSlot&) = delete;
  bool held() const { return held_; }

 private:
  std::atomic<int>& busy_;
  bool held_;
};

void post_sign_in(Desk& desk, const Request& req, Response& res) {
  const auto sign_in = read_sign_in(req);
  if (!sign_in)
    return send_error(res, 422, "body must be {\"name\": \"...\", \"secret\": \"...\"}");
  const auto refuse = [&](int status, const std::string& why) {
    if (sign_in->from_form) return page(res, status, why, sign_in->name);
    send_error(res, status, why);
  };
  SignInSlot slot(desk.sign_ins_checking);
  if (!slot.held()) {
    res.set_header("Retry-After", "1");
    return refuse(429, "too many sign-ins at once; try again in a second");
  }
  const auto found = desk.store.credentials(sign_in->name);
  if (!found) return refuse(503, "the database is unavailable; try again");
  if (found->empty()) {
    waste_one_secret_check(sign_in->secret);
    return refuse(403, "wrong agent name or secret (or the account is disabled)");
  }
  const AgentCredentials& agent = found->front();
  if (!agent_secret_matches(sign_in->secret, agent.secret_hash)) {
    return refuse(403, "wrong agent name or secret (or the account is disabled)");
  }
  if (!start_agent_session(desk, agent.account.name, req, res)) return;
  if (sign_in->from_form) return res.set_redirect("/inbox", 303);
  send_json(res, 200,
            {{"agent", agent.account.name}, {"display_name", agent.account.display_name}});
}

void get_me(Desk& desk, const Request& req, Response& res) {
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  send_json(res, 200,
            {{"agent", me->name}, {"display_name", me->display_name}, {"shared", me->shared()}});
}

}  // namespace

void add_sign_in_routes(httplib::Server& server, Desk& desk) {
  server.Get("/signin", [](const Request&, Response& res) { page(res, 200, "", ""); });
  server.Post("/signin",
              [&desk](const Request& req, Response& res) { post_sign_in(desk, req, res); });
  server.Post("/signout", [&desk](const Request& req, Response& res) {
    end_agent_session(desk, req, res);
    res.set_redirect("/signin", 303);
  });
  server.Get("/v1/agent/me",
             [&desk](const Request& req, Response& res) { get_me(desk, req, res); });
}

}  // namespace tandem::desk
