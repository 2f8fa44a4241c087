// What differs between the Store's two databases: the schema and its
// migrations, how a writer takes its locks, change notification, and the
// queries that read inside the JSON documents. Everything else is the same SQL.
#pragma once

#include <vector>

#include "desk/store/sql.h"

namespace tandem::desk {

// Applied in order, each once; the versions reached are kept in schema_version.
struct Migration {
  int version;
  const char* script;
};

struct Dialect {
  const char* name;
  const char* begin;  // a writing transaction
  // Taken first by every transaction that adds a message, held until commit,
  // so a conversation's message sequence numbers commit in order ($1: the
  // conversation). nullptr: the database has one writer at a time anyway.
  const char* lock_conversation;
  // Sent inside the writing transaction, so other desk instances on the same
  // database wake their long-polls on commit ($1: the conversation). nullptr:
  // one process, woken in memory.
  const char* notify_change;
  const char* migration_lock;  // serialises instances starting at once; nullptr: none needed
  std::vector<Migration> migrations;
  // The schema version of a database made before versions were recorded.
  int (*unversioned_version)(SqlConnection& db);
  // $1 status ("open", "resolved", "all"), $2 limit, $3 assignment ("any",
  // "none", "agent": assigned to $4): the columns of ConversationRow.
  const char* list_conversations;
  // $1 since, $2 until: conversation, type, fields, facts of the events that
  // can signal a knowledge gap (gaps.cpp signal_of).
  const char* gap_events;
  // $1 since, $2 until, $3 limit: id, bundle and first agent reply of the
  // conversations handed off for missing knowledge (gaps.h missing_knowledge).
  const char* gap_handoffs;
  // Ends the claim of a webhook delivery, so that two workers never take the
  // same row: PostgreSQL skips rows another worker holds; "" where begin
  // already took the only write lock.
  const char* claim_lock;
};

extern const Dialect kSqliteDialect;
extern const Dialect kPostgresDialect;

// Brings the schema to the dialect's last version; false with *error set.
bool migrate(SqlConnection& db, const Dialect& dialect, std::string* error);

}  // namespace tandem::desk
