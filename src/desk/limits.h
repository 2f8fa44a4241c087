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
inline constexpr int kMaxLongPolls = 48;               // the rest answer at once
inline constexpr int kWorkerThreads = 64;              // long-polls hold a thread each
inline constexpr std::size_t kMinAgentTokenChars = 16;
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

}  // namespace tandem::desk
