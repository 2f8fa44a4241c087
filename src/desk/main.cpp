// tandem-desk: the reference handoff endpoint and agent inbox (docs/desk.md).
#include <httplib.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "desk/agents/agents_command.h"
#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/http_server.h"
#include "desk/reports/offline_report.h"
#include "desk/webhooks/webhook_worker.h"

using namespace tandem::desk;

namespace {

// SIGINT/SIGTERM are taken by a thread of their own (sigwait), so stopping
// the server happens outside a signal handler.
std::thread stop_on_signal(HttpServer& server, Desk& desk, sigset_t signals) {
  return std::thread([&server, &desk, signals] {
    int received = 0;
    sigwait(&signals, &received);
    if (received == SIGUSR1) return;  // the server stopped by itself
    desk.signal.stop();
    server.stop();
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "report") {
    return run_offline_report(std::vector<std::string>(argv + 2, argv + argc));
  }
  if (argc > 1 && std::string(argv[1]) == "agents") {
    return run_agents_command(std::vector<std::string>(argv + 2, argv + argc));
  }
  const auto parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc),
                                    std::getenv("TANDEM_DESK_AGENT_TOKEN"));
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "tandem-desk: " << *error << "\n";
    return 2;
  }
  if (const auto* usage = std::get_if<Usage>(&parsed)) {
    std::cout << usage->text;
    return 0;
  }
  Options options = std::get<Options>(parsed);
  if (options.agent_token.empty()) {
    const auto token = random_hex(16);
    if (!token) {
      std::cerr << "tandem-desk: no randomness available from libcrypto\n";
      return 1;
    }
    options.agent_token = *token;
    std::cerr << "tandem-desk: agent token (pass --agent-token to choose one): " << *token << "\n";
  }

  std::string error;
  auto store = Store::open(options.db_path, &error);
  if (!store) {
    std::cerr << "tandem-desk: " << error << "\n";
    return 1;
  }

  // Blocked before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  Desk desk(options, *store);
  std::unique_ptr<WebhookWorker> webhooks;  // stopped before desk and store go
  if (!start_webhooks(options, *store, desk.signal, &webhooks, &error)) {
    std::cerr << "tandem-desk: " << error << "\n";
    return 2;
  }
  // Other desk instances on the same database wake this one's long-polls.
  store->watch_changes([&desk] { desk.signal.notify(); });
  HttpServer server(desk.options);
  add_guards(server, desk);
  add_customer_routes(server, desk);
  add_agent_routes(server, desk);
  add_sign_in_routes(server, desk);
  add_assignment_routes(server, desk);
  add_report_routes(server, desk);

  const int port = server.bind(options.host, options.port);
  if (port < 0) {
    std::cerr << "tandem-desk: cannot listen on " << options.host << ":" << options.port << "\n";
    return 1;
  }
  // Tests and scripts wait for this line: the socket is bound by now.
  std::cout << "tandem-desk listening on http://" << options.host << ":" << port << std::endl;

  std::thread stopper = stop_on_signal(server, desk, signals);
  const bool ok = server.listen_after_bind();
  store->watch_changes({});  // the listener must not outlive desk
  pthread_kill(stopper.native_handle(), SIGUSR1);
  stopper.join();
  return ok ? 0 : 1;
}
