// lumenpay-api: the Lumen Pay demo shop's backend, a stand-in for a company's
// own system that Tandem's actions call from the customer's browser
// (docs/actions.md). SIGTERM ends it at once: it only reads after seeding,
// and the seed is one transaction.
#include <httplib.h>

#include <csignal>
#include <iostream>

#include "api.h"
#include "desk/random_token.h"
#include "limits.h"

using namespace tandem::demo_api;

int main(int argc, char** argv) {
  const auto parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc),
                                    std::getenv("TANDEM_DEMO_API_SECRET"));
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "lumenpay-api: " << *error << "\n";
    return 2;
  }
  if (const auto* usage = std::get_if<Usage>(&parsed)) {
    std::cout << usage->text;
    return 0;
  }
  Options options = std::get<Options>(parsed);
  if (options.secret.empty()) {
    const auto secret = tandem::desk::random_hex(kRandomSecretBytes);
    if (!secret) {
      std::cerr << "lumenpay-api: cannot read /dev/urandom\n";
      return 1;
    }
    options.secret = *secret;  // tokens of an earlier start stop working, as they should
  }

  std::string error;
  auto store = ShopStore::open(options.db_path, &error);
  if (!store) {
    std::cerr << "lumenpay-api: cannot open " << options.db_path << ": " << error << "\n";
    return 1;
  }
  std::signal(SIGPIPE, SIG_IGN);

  Api api{options, *store};
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  server.set_payload_max_length(kMaxRequestBytes);
  add_guards(server, api);
  add_routes(server, api);

  const char* host = "127.0.0.1";  // a demo: never reachable from another machine
  const int port = options.port == 0
                       ? server.bind_to_any_port(host)
                       : (server.bind_to_port(host, options.port) ? options.port : -1);
  if (port < 0) {
    std::cerr << "lumenpay-api: cannot listen on " << host << ":" << options.port << "\n";
    return 1;
  }
  // Tests and scripts wait for this line: the socket is bound by now.
  std::cout << "lumenpay-api listening on http://" << host << ":" << port << std::endl;
  return server.listen_after_bind() ? 0 : 1;
}
