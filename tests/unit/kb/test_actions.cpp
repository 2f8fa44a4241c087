// Actions in the knowledge base: every validation rule of docs/actions.md
// with its JSON pointer, and the pieces the browser's call relies on.
#include <catch2/catch.hpp>

#include "kb/action_response.h"
#include "kb/action_templates.h"
#include "kb/knowledge_base.h"
#include "kb_test_support.h"

namespace tandem::kb {
namespace {

using nlohmann::json;
using testing::minimal_kb;
using testing::require_error;

json order_action() {
  return json::parse(R"({
    "id": "order_lookup",
    "url": "https://api.shop.example/v1/orders/{order_id}",
    "needs_customer": true,
    "fields": {
      "carrier": {"pointer": "/carrier"},
      "status": {"pointer": "/status", "type": "enum", "values": ["shipped", "delayed"]},
      "eta": {"pointer": "/eta", "type": "date"},
      "parcels": {"pointer": "/parcels", "type": "number"}
    },
    "answers": [
      {"when": {"status": "shipped"}, "text": "Order {order_id} is with {carrier}, due {eta}."},
      {"when": {"status": "delayed"}, "text": "Order {order_id} is late ({parcels} parcels)."}
    ],
    "not_found": "No order {order_id}."
  })");
}

json kb_with(const json& action) {
  json kb = minimal_kb();
  kb["action_hosts"] = {"api.shop.example", "127.0.0.1:8082"};
  kb["actions"] = json::array({action});
  kb["intents"][1]["action"] = action.value("id", "order_lookup");
  return kb;
}

// The order action fetching `url` is refused, the error naming its URL.
void require_url_error(const std::string& url, const std::string& message) {
  json a = order_action();
  a["url"] = url;
  require_error(kb_with(a), "/actions/0/url", message);
}

Action parsed_action(const json& action = order_action()) {
  const auto result = parse_knowledge_base(kb_with(action).dump());
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  REQUIRE(result->actions.size() == 1);
  return result->actions[0];
}

TEST_CASE("actions: a declared action parses with its defaults", "[kb][actions]") {
  const auto result = parse_knowledge_base(kb_with(order_action()).dump());
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  const Action& a = result->actions[0];
  CHECK(a.method == "GET");
  CHECK(a.timeout_ms == kDefaultActionTimeoutMs);
  CHECK(a.timeout_ms == 4000);
  CHECK(a.needs_customer);
  CHECK(a.fields.size() == 4);
  CHECK(a.answers.size() == 2);
  CHECK(url_variables(a) == std::vector<std::string>{"order_id"});
  CHECK(result->intents[1].action == "order_lookup");
  CHECK(result->action_hosts == std::vector<std::string>{"api.shop.example", "127.0.0.1:8082"});
}

TEST_CASE("actions: https only, plain http only for loopback", "[kb][actions]") {
  require_url_error("http://api.shop.example/v1/orders/{order_id}",
                    "plain http is allowed only for loopback");
  require_url_error("ftp://api.shop.example/x", "must start with https://");
  json a = order_action();
  a["url"] = "http://127.0.0.1:8082/v1/orders/{order_id}";
  CHECK(parse_knowledge_base(kb_with(a).dump()).ok());
  CHECK(is_loopback_host("127.0.0.1:8082"));
  CHECK(is_loopback_host("localhost"));
  CHECK_FALSE(is_loopback_host("127.evil.example"));
  CHECK_FALSE(is_loopback_host("localhost.evil.example"));
}

TEST_CASE("actions: only allow-listed hosts", "[kb][actions]") {
  require_url_error("https://elsewhere.example/v1/orders/{order_id}", "is not in \"action_hosts\"");
  json kb = kb_with(order_action());
  kb["action_hosts"] = {"https://api.shop.example/"};
  require_error(kb, "/action_hosts/0", "is not a host");
  // The port is part of the host: 127.0.0.1:9999 is not 127.0.0.1:8082.
  require_url_error("http://127.0.0.1:9999/v1/orders/{order_id}", "is not in \"action_hosts\"");
}

TEST_CASE("actions: no credentials in URLs", "[kb][actions]") {
  require_url_error("https://user:pw@api.shop.example/v1/orders/{order_id}", "holds credentials");
  require_url_error("https://api.shop.example/v1/orders/{order_id}?api_key=abc123",
                    "looks like a credential");
  require_url_error("https://api.shop.example/v1/orders/{order_id}?access_token=x",
                    "looks like a credential");
  require_url_error("https://{order_id}.shop.example/v1", "host cannot be a template variable");
}

TEST_CASE("actions: no secret-looking headers", "[kb][actions]") {
  for (const char* name : {"Authorization", "X-Api-Key", "Cookie", "X-Auth-Token", "X-Secret"}) {
    json a = order_action();
    a["headers"] = {{name, "abc"}};
    INFO(name);
    require_error(kb_with(a), std::string("/actions/0/headers/") + name, "looks like a secret");
  }
  json a = order_action();
  a["headers"] = {{"X-Shop", "Bearer abcdef"}};
  require_error(kb_with(a), "/actions/0/headers/X-Shop", "looks like a secret");
  a["headers"] = {{"Accept-Language", "en"}};
  CHECK(parsed_action(a).headers.size() == 1);
}

TEST_CASE("actions: every template variable is declared", "[kb][actions]") {
  json a = order_action();
  a["answers"][0]["text"] = "Order {order_id} is with {courier}.";
  require_error(kb_with(a), "/actions/0/answers/0/text", "{courier} is not declared");
  require_url_error("https://api.shop.example/v1/orders/{order_number}",
                    "{order_number} is not a detail");
  a = order_action();
  a["not_found"] = "No order {carrier}.";  // a failure has no fields to show
  require_error(kb_with(a), "/actions/0/not_found", "{carrier} is not declared");
  a = order_action();
  a["answers"][0]["text"] = "Order {order_id is late.";
  require_error(kb_with(a), "/actions/0/answers/0/text", "never closed");
  a["answers"][0]["text"] = "{#if late}late{/if}";
  require_error(kb_with(a), "/actions/0/answers/0/text", "templates have no logic");
}

TEST_CASE("actions: every enum value is answered", "[kb][actions]") {
  json a = order_action();
  a["fields"]["status"]["values"].push_back("lost");
  require_error(kb_with(a), "/actions/0/answers",
                "enum value \"lost\" of field \"status\" has no answer");
  a = order_action();
  a["answers"][1]["when"]["status"] = "stolen";
  require_error(kb_with(a), "/actions/0/answers/1/when/status", "is not one of the values");
  a = order_action();
  a["answers"][1]["when"] = {{"carrier", "DHL"}};
  require_error(kb_with(a), "/actions/0/answers/1/when/carrier", "chosen by enum fields only");
  a = order_action();
  a["answers"] = json::array({{{"when", {{"status", "shipped"}}}, {"text", "ok"}}});
  require_error(kb_with(a), "/actions/0/answers", "\"delayed\"");
  a["answers"] = json::array();
  require_error(kb_with(a), "/actions/0/answers", "at least one answer");
  a["fields"].erase("status");
  a["answers"] = json::array({{{"when", json::object()}, {"text", "ok"}}});
  CHECK(parse_knowledge_base(kb_with(a).dump()).ok());
}

TEST_CASE("actions: fields are typed JSON pointers", "[kb][actions]") {
  json a = order_action();
  a["fields"]["carrier"]["pointer"] = "carrier";
  require_error(kb_with(a), "/actions/0/fields/carrier/pointer", "is not a JSON pointer");
  a = order_action();
  a["fields"]["carrier"]["type"] = "boolean";
  require_error(kb_with(a), "/actions/0/fields/carrier/type", "unknown field type");
  a = order_action();
  a["fields"]["status"].erase("values");
  require_error(kb_with(a), "/actions/0/fields/status", "needs \"values\"");
  a = order_action();
  a["fields"]["carrier"]["values"] = {"a"};
  require_error(kb_with(a), "/actions/0/fields/carrier/values", "only for fields of type enum");
  a = order_action();
  a["fields"]["order_id"] = {{"pointer", "/id"}};
  require_error(kb_with(a), "/actions/0/fields/order_id", "name of a URL variable");
  a = order_action();
  a["fields"]["carier"]["pointr"] = "/carrier";
  require_error(kb_with(a), "/actions/0/fields/carier/pointr", "unknown field");
}

TEST_CASE("actions: method, timeout and ids are checked", "[kb][actions]") {
  json a = order_action();
  a["method"] = "DELETE";
  require_error(kb_with(a), "/actions/0/method", "not supported");
  a = order_action();
  a["timeout_ms"] = 60000;
  require_error(kb_with(a), "/actions/0/timeout_ms", "from 100 to 30000");
  a = order_action();
  a["id"] = "Order Lookup";
  require_error(kb_with(a), "/actions/0/id", "is not valid");
  json kb = kb_with(order_action());
  kb["actions"].push_back(order_action());
  require_error(kb, "/actions/1/id", "duplicate action id");
}

TEST_CASE("actions: intents and FAQs name declared actions", "[kb][actions]") {
  json kb = kb_with(order_action());
  kb["intents"][1]["action"] = "order_lookp";
  require_error(kb, "/intents/1/action", "no action has the id");
  kb = kb_with(order_action());
  kb["intents"][1]["sensitive"] = true;
  require_error(kb, "/intents/1/action", "a sensitive intent cannot have an action");
  kb = kb_with(order_action());
  kb["faqs"][0]["action"] = "order_lookup";  // a FAQ collects no order number
  require_error(kb, "/faqs/0/action", "needs details");
}

TEST_CASE("actions: URL values are percent-encoded", "[kb][actions]") {
  CHECK(percent_encode("LP-000123") == "LP-000123");
  CHECK(percent_encode("a/b?c=d&e f") == "a%2Fb%3Fc%3Dd%26e%20f");
  CHECK(percent_encode("ü") == "%C3%BC");
  CHECK(fill_template("https://x/v1/orders/{order_id}", {{"order_id", "../admin?x"}}, true) ==
        "https://x/v1/orders/..%2Fadmin%3Fx");
}

TEST_CASE("actions: answer values cannot become markup", "[kb][actions]") {
  const std::string out =
      fill_template("Status: {s}.", {{"s", "**[click](https://evil)**\n- x"}}, false);
  CHECK(out.find("**") == std::string::npos);
  CHECK(out.find('[') == std::string::npos);
  CHECK(out.find('\n') == std::string::npos);
  CHECK(fill_template("{a}", {{"a", std::string(300, 'x')}}, false).size() == 200);
  // A cut never splits a character: 150 two-byte characters cut to 100.
  std::string umlauts;
  for (int i = 0; i < 150; ++i) umlauts += "\xC3\xBC";
  CHECK(fill_template("{a}", {{"a", umlauts}}, false).size() == 200);
  CHECK(fill_template("{a}", {{"a", "x" + umlauts}}, false).size() == 199);
}

TEST_CASE("actions: declared fields are extracted, extras dropped", "[kb][actions]") {
  const Action a = parsed_action();
  const auto values = extract_fields(a, R"({"carrier":"DHL","status":"shipped","eta":"2026-12-14",
      "parcels":2,"internal_risk_score":0.93,"customer":{"card":"4242"}})");
  INFO((values.ok() ? std::string() : values.error_text()));
  REQUIRE(values.ok());
  for (const auto& [name, value] : *values) CHECK(value.find("0.93") == std::string::npos);
  CHECK(values->size() == 4);
  const auto* answer = choose_answer(a, *values);
  REQUIRE(answer);
  CHECK(answer->text == "Order {order_id} is with {carrier}, due {eta}.");
  TemplateValues all = {{"order_id", "LP-1"}};
  all.insert(all.end(), values->begin(), values->end());
  CHECK(fill_template(answer->text, all, false) == "Order LP-1 is with DHL, due 14 December 2026.");
}

TEST_CASE("actions: a response of the wrong shape is a bad response", "[kb][actions]") {
  const Action a = parsed_action();
  const std::string good = R"("carrier":"DHL","status":"shipped","eta":"2026-12-14","parcels":2)";
  CHECK(extract_fields(a, "{" + good + "}").ok());
  CHECK_FALSE(extract_fields(a, "<html>502</html>").ok());
  CHECK_FALSE(extract_fields(a, R"({"carrier":"DHL","status":"shipped","eta":"2026-12-14"})").ok());
  CHECK_FALSE(
      extract_fields(a, R"({"carrier":7,"status":"shipped","eta":"2026-12-14","parcels":2})").ok());
  CHECK_FALSE(
      extract_fields(a, R"({"carrier":"DHL","status":"lost","eta":"2026-12-14","parcels":2})")
          .ok());
  CHECK_FALSE(
      extract_fields(a, R"({"carrier":"DHL","status":"shipped","eta":"2026-02-30","parcels":2})")
          .ok());
  CHECK_FALSE(
      extract_fields(a, R"({"carrier":"DHL","status":"shipped","eta":"soon","parcels":"2"})").ok());
  CHECK_FALSE(extract_fields(a, "[1,2]").ok());
}

TEST_CASE("actions: JSON pointers reach nested fields and array items", "[kb][actions]") {
  json a = order_action();
  a["fields"]["carrier"]["pointer"] = "/shipments/0/carrier~1name";
  const Action action = parsed_action(a);
  const auto values = extract_fields(
      action,
      R"({"shipments":[{"carrier/name":"UPS"}],"status":"delayed","eta":"2026-01-02","parcels":1.5})");
  INFO((values.ok() ? std::string() : values.error_text()));
  REQUIRE(values.ok());
  const auto value_of = [&](const std::string& name) {
    for (const auto& [key, value] : *values)
      if (key == name) return value;
    return std::string("(none)");
  };
  CHECK(value_of("carrier") == "UPS");
  CHECK(value_of("parcels") == "1.5");
  CHECK(is_json_pointer("/a~0b~1c"));
  CHECK_FALSE(is_json_pointer("/a~2"));
}

}  // namespace
}  // namespace tandem::kb
