// lumenpay-api's HTTP surface (docs/actions.md): the demo sign-in, and the
// customer's instalments, orders and notices behind a Bearer token.
#pragma once

#include <httplib.h>

#include "options.h"
#include "shop_store.h"

namespace tandem::demo_api {

struct Api {
  Options options;  // with the secret always set
  ShopStore& store;
};

// Security headers, CORS for the --allow-origin sites (preflight included),
// and JSON bodies for httplib's own errors.
void add_guards(httplib::Server& server, const Api& api);
void add_routes(httplib::Server& server, Api& api);

}  // namespace tandem::demo_api
