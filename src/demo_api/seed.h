// The demo shop's schema and its three customers, written once into an
// empty database.
#pragma once

#include "demo_api/sqlite_db.h"

namespace tandem::demo_api {

bool create_schema(Database& db);
// Inserts the demo customers, their orders, shipments, instalments and
// notices (dates around today) when there are no customers yet.
bool seed_if_empty(Database& db);

}  // namespace tandem::demo_api
