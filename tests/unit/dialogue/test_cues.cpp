#include <catch2/catch.hpp>

#include "dialogue/cues.h"
#include "dialogue/policy_config.h"

namespace tandem::dialogue {
namespace {

// The session's score after these messages, as the policy adds it up.
float frustration_after(std::initializer_list<const char*> messages) {
  float score = 0.0f;
  for (const char* m : messages) score = score * kFrustrationDecay + frustration_signal(m);
  return score;
}

TEST_CASE("cues: a verdict on the bot's answer is 'not helpful', in several wordings",
          "[dialogue][cues]") {
  for (const char* text : {"that's wrong", "no, this isn't right", "your answer is incorrect",
                           "it's useless", "you didn't understand my question",
                           "that is not what I need", "I tried that, it didn't work"}) {
    INFO(text);
    CHECK(says_not_helpful(text));
  }
  for (const char* text : {"what happens if I type the wrong pin", "is that right for pay in 4?",
                           "thanks, that works", "how do I get it right next time"}) {
    INFO(text);
    CHECK_FALSE(says_not_helpful(text));
  }
}

TEST_CASE("cues: shouting twice with one angry phrase reaches the threshold, capitals alone do not",
          "[dialogue][cues]") {
  CHECK(frustration_after({"WHERE IS MY PARCEL", "I HAVE ASKED YOU TWICE NOW"}) >=
        kFrustrationThreshold);
  CHECK(frustration_after({"WHERE IS MY PARCEL", "THE F***ING THING IS LATE"}) >=
        kFrustrationThreshold);
  // Someone who just types in capitals: three calm questions stay below it.
  CHECK(frustration_after({"WHAT ARE YOUR OPENING HOURS", "DO YOU TAKE PREPAID CARDS",
                           "CAN I PAY BY BANK TRANSFER"}) < kFrustrationThreshold);
  CHECK(frustration_signal("the f**king app") > 0.0f);
  CHECK(frustration_signal("2*3**4 is a formula") == 0.0f);
}

TEST_CASE("cues: reaching for a person, or only naming one", "[dialogue][cues]") {
  for (const char* text : {"let me talk to your staff", "get me a manager",
                           "is there anyone I can call", "I want a human"}) {
    INFO(text);
    CHECK(reaches_for_person(text));
  }
  for (const char* text :
       {"your staff at the till were rude to me", "I want to complain about the agent I had"}) {
    INFO(text);
    CHECK_FALSE(reaches_for_person(text));
  }
}

}  // namespace
}  // namespace tandem::dialogue
