#include "desk/webhooks/webhook_sender.h"

#include <httplib.h>

#include <memory>

#include "desk/crypto.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

// What an operator reading last_error needs; httplib's own names otherwise.
std::string describe(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
      return "could not connect";
    case httplib::Error::ConnectionTimeout:
      return "connecting timed out";
    case httplib::Error::Read:
      return "no answer (read failed or timed out)";
    case httplib::Error::Write:
      return "sending failed or timed out";
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLServerVerification:
      return "TLS failed (" + httplib::to_string(error) + ")";
    default:
      return httplib::to_string(error);
  }
}

}  // namespace

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body) {
  return "v1=" + hmac_sha256_hex(secret, timestamp + "." + body);
}

WebhookAnswer post_webhook(const WebhookTarget& target, const std::string& secret,
                           const WebhookDelivery& delivery, std::int64_t now_s) {
  std::unique_ptr<httplib::ClientImpl> client =
      target.https ? std::make_unique<httplib::SSLClient>(target.host, target.port)
                   : std::make_unique<httplib::ClientImpl>(target.host, target.port);
  client->set_connection_timeout(kWebhookConnectSeconds, 0);
  client->set_write_timeout(kWebhookWriteSeconds, 0);
  client->set_read_timeout(kWebhookReadSeconds, 0);
  client->set_keep_alive(false);
  client->set_follow_location(false);  // a redirect is the receiver's mistake, not followed

  const std::string timestamp = std::to_string(now_s);
  httplib::Request request;
  request.method = "POST";
  request.path = target.path;
  request.headers = {
      {"Content-Type", "application/json"},
      {"User-Agent", "tandem-desk-webhooks/1"},
      {"Tandem-Webhook-Id", delivery.event_id},
      {"Tandem-Webhook-Timestamp", timestamp},
      {"Tandem-Webhook-Signature", webhook_signature(secret, timestamp, delivery.body)}};
  request.body = delivery.body;
  // Only the status matters: the body is never read, so a receiver cannot
  // hold a worker (and its lease) by streaming one.
  WebhookAnswer answer;
  request.response_handler = [&answer](const httplib::Response& response) {
    answer.status = response.status;
    return true;
  };
  request.content_receiver = [](const char*, std::size_t, std::uint64_t, std::uint64_t) {
    return false;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  // httplib calls response_handler only before a body: a 204 or an empty
  // answer has its status in response alone.
  if (client->send(request, response, error)) {
    answer.status = response.status;
  } else if (!answer.status) {
    answer.error = describe(error);
  }
  return answer;
}

}  // namespace tandem::desk
