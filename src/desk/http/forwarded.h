// What a trusted reverse proxy (--trust-proxy) says about a request it
// forwards: the browser's address and scheme. From any other peer the
// X-Forwarded-* headers are ignored, since a client could write them itself.
#pragma once

#include <httplib.h>

#include <string>

#include "desk/options.h"

namespace tandem::desk {

bool is_trusted_proxy(const Options& options, const std::string& peer);
// The last X-Forwarded-For entry (the one the proxy appended) from a trusted
// proxy, else the connection's peer address.
std::string client_address(const Options& options, const httplib::Request& req);
// X-Forwarded-Proto: https from a trusted proxy (the desk itself speaks http).
bool served_over_https(const Options& options, const httplib::Request& req);

}  // namespace tandem::desk
