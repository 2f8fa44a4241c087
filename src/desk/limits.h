// The desk's numbers that matter, in one place. Bundle bounds mirror
// docs/handoff-bundle.schema.json and must change with it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem::desk {

inline constexpr std::size_t kMaxBundleBytes = 262144;  // docs/handoff-bundle.md
inline constexpr std::size_t kMaxTranscriptTurns = 200;
inline constexpr std::size_t kMaxMessageChars = 4000;  // a follow-up, as a transcript turn
inline constexpr int kMaxWaitSeconds = 25;             // long-poll; under common proxy timeouts
// Connections (docs/desk.md "Under abuse"). Each connection holds a worker
// thread while it is read, handled and kept alive; the caps below keep any
// one client well under the pool, so an agent's request always finds a thread.
inline constexpr int kWorkerThreads = 128;
inline constexpr int kListenBacklog = 1024;        // bursts wait in the kernel, not reset
inline constexpr int kMaxLongPolls = 32;           // in all, a quarter of the workers;
inline constexpr int kMaxLongPollsPerToken = 2;    // a conversation open in two tabs
inline constexpr int kMaxLongPollsPerClient = 16;  // one address (an office behind NAT)
inline constexpr int kRetryAfterSeconds = 2;       // what a refused long-poll is told
// A peer past this many open connections gets the crowded deadline and no
// keep-alive: its quick requests are still served, slow ones cut early.
inline constexpr int kMaxConnectionsPerPeer = 32;
inline constexpr int kRequestReadSeconds = 15;  // whole request, headers and body
inline constexpr int kCrowdedRequestReadMs = 1000;
inline constexpr int kSocketTimeoutSeconds = 5;  // one read or write
inline constexpr int kResponseWriteSeconds = 15;
inline constexpr int kKeepAliveSeconds = 5;
inline constexpr int kKeepAliveMaxRequests = 20;
// Past this many busy workers, every connection closes after its response.
inline constexpr int kBusyWorkers = kWorkerThreads * 3 / 4;
inline constexpr std::size_t kMinAgentTokenChars = 16;
inline constexpr std::int64_t kAgentSessionSeconds = 12 * 3600;  // an inbox sign-in: a shift
inline constexpr std::size_t kAgentSessionIdBytes = 32;
// Named agents (docs/desk.md "Agents"): OWASP's 2023 figure for
// PBKDF2-HMAC-SHA256, a fraction of a second per sign-in; at most this many
// sign-ins are checked at once, so guessing cannot take every CPU.
inline constexpr std::size_t kAgentSecretBytes = 20;
inline constexpr std::size_t kAgentSecretSaltBytes = 16;
inline constexpr int kAgentSecretIterations = 600000;
inline constexpr int kMaxConcurrentSignIns = 2;
inline constexpr std::size_t kMaxAgentNameChars = 32;
inline constexpr std::size_t kMaxDisplayNameChars = 40;
inline constexpr std::size_t kMaxNoteChars = kMaxMessageChars;
inline constexpr std::size_t kCustomerTokenBytes = 32;
inline constexpr std::size_t kConversationIdBytes = 12;
inline constexpr std::size_t kMaxListedConversations = 500;
// Outcome events (docs/metrics.md): a batch is what a page collects between
// flushes; a question is a redacted sentence, not a transcript.
inline constexpr std::size_t kMaxEventBatchBytes = 65536;
inline constexpr std::size_t kMaxEventsPerBatch = 200;
inline constexpr std::size_t kMinEventIdChars = 8;
inline constexpr std::size_t kMaxEventIdChars = 64;
inline constexpr std::size_t kMaxEventCandidates = 3;
inline constexpr std::size_t kMaxEventQuestionBytes = 500;
inline constexpr std::int64_t kMaxReportDays = 400;    // one summary's period
inline constexpr std::size_t kMaxDrillDownRows = 500;  // listed; the count is exact
inline constexpr std::size_t kMaxGapQuestions = 20;    // opted-in examples shown per gap
inline constexpr std::size_t kMaxGapHandoffs = 2000;   // transcripts read for one gaps report
inline constexpr std::size_t kMaxGapQuestionsPerHandoff = 3;
inline constexpr std::size_t kMaxGapGroupQuestions = 10;  // listed per similarity group
inline constexpr double kSameQuestionSimilarity = 0.5;    // content-word Dice: one group
// Webhooks (docs/desk.md "Webhooks"). The lease outlasts a whole attempt
// (connect + write + read), so a delivery in flight is never claimed twice.
inline constexpr std::size_t kMaxWebhookUrlChars = 2048;
inline constexpr std::size_t kMinWebhookSecretChars = 16;
inline constexpr std::size_t kWebhookEventIdBytes = 12;
inline constexpr int kWebhookConnectSeconds = 5;
inline constexpr int kWebhookWriteSeconds = 10;
inline constexpr int kWebhookReadSeconds = 10;
inline constexpr std::int64_t kWebhookLeaseMs = 60000;
inline constexpr int kWebhookWorkers = 4;           // deliveries in flight per desk instance
inline constexpr int kWebhookPollMs = 500;          // due retries, other instances' events
inline constexpr int kDefaultWebhookAttempts = 20;  // 4 to 8 hours of retries
inline constexpr std::int64_t kDefaultWebhookBackoffMs = 1000;  // before the 2nd attempt
inline constexpr std::int64_t kMaxWebhookBackoffMs = 3600000;   // doubling stops at an hour
inline constexpr std::size_t kMaxWebhookErrorChars = 300;       // kept per delivery

}  // namespace tandem::desk
