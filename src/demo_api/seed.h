// The demo shop's schema and its three customers, written once into an
// empty database.
#pragma once

#include "desk/sqlite_db.h"

namespace tandem::demo_api {

bool create_schema(desk::Database& db);
// Inserts the demo customers, their orders, shipments, instalments and
// notices (dates around today) when there are no customers yet.
bool seed_if_empty(desk::Database& db);

}  // namespace tandem::demo_api
