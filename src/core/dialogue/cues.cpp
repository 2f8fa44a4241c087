#include "dialogue/cues.h"

#include <algorithm>
#include <array>
#include <string>

#include "dialogue/policy_config.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace tandem::dialogue {
namespace {

// Besides the words of anger, what a customer says to a bot that ignores them
// ("I have asked you three times", "are you even listening", "answer me").
constexpr std::array<std::string_view, 57> kNegative = {
    "useless",        "terrible",        "awful",         "horrible",      "ridiculous",
    "stupid",         "worst",           "annoying",      "annoyed",       "frustrated",
    "frustrating",    "angry",           "furious",       "fed up",        "sick of",
    "waste of time",  "rubbish",         "garbage",       "hate",          "pathetic",
    "a joke",         "unacceptable",    "disgusting",    "incompetent",   "hopeless",
    "pointless",      "not working",     "never works",   "still waiting", "again and again",
    "how many times", "are you kidding", "give up",       "outrageous",    "asked you",
    "answer me",      "are you even",    "not listening", "ignoring me",   "is anyone there",
    "seriously",      "shambles",        "disgrace",      "appalling",     "shocking",
    "nightmare",      "for god's sake",  "come on",       "sort it out",   "nobody",
    "no one",         "i've asked",      "i have asked",  "already asked", "times already",
    "times now",      "keep asking"};
constexpr std::array<std::string_view, 17> kProfanity = {
    "fuck",     "fucking", "fucked", "shit",     "shitty", "crap", "damn",   "wtf",    "bloody",
    "bullshit", "piss",    "pissed", "bastards", "ffs",    "hell", "bugger", "sodding"};
constexpr std::array<std::string_view, 30> kNotHelpful = {"didn't help",
                                                          "did not help",
                                                          "doesn't help",
                                                          "does not help",
                                                          "not helpful",
                                                          "wasn't helpful",
                                                          "unhelpful",
                                                          "not what i asked",
                                                          "not what i meant",
                                                          "wrong answer",
                                                          "didn't answer",
                                                          "doesn't answer",
                                                          "not my question",
                                                          "that's not it",
                                                          "that is not it",
                                                          "still doesn't work",
                                                          "not what i need",
                                                          "not what i wanted",
                                                          "not what i was asking",
                                                          "isn't what i asked",
                                                          "is not what i asked",
                                                          "didn't understand",
                                                          "did not understand",
                                                          "don't understand my",
                                                          "misunderstood",
                                                          "not answering",
                                                          "useless answer",
                                                          "no help",
                                                          "irrelevant",
                                                          "didn't work"};
// "that's wrong", "your answer is incorrect", "this isn't right": a verdict on
// what the bot said, whichever of these words it is said with.
constexpr std::array<std::string_view, 9> kVerdictSubjects = {
    "that's", "thats", "that is", "this is", "it's", "its", "answer is", "that was", "you're"};
constexpr std::array<std::string_view, 8> kVerdicts = {
    "wrong", "incorrect", "not right", "not correct", "not true", "useless", "not it", "no use"};
constexpr std::array<std::string_view, 4> kVerdictNegatedSubjects = {"that isn't", "this isn't",
                                                                     "that's not", "it isn't"};
constexpr std::array<std::string_view, 2> kNegatedVerdicts = {"right", "correct"};
constexpr std::array<std::string_view, 40> kDeclines = {"don't have",
                                                        "do not have",
                                                        "dont have",
                                                        "haven't got",
                                                        "don't know",
                                                        "dont know",
                                                        "do not know",
                                                        "no idea",
                                                        "can't find",
                                                        "cannot find",
                                                        "rather not",
                                                        "prefer not",
                                                        "won't say",
                                                        "skip",
                                                        "not sure",
                                                        "no",
                                                        "none",
                                                        "nope",
                                                        "not giving",
                                                        "not going to give",
                                                        "won't give",
                                                        "wont give",
                                                        "will not give",
                                                        "don't want to give",
                                                        "dont want to give",
                                                        "do not want to give",
                                                        "not sharing",
                                                        "won't share",
                                                        "wont share",
                                                        "don't want to share",
                                                        "not telling",
                                                        "won't tell",
                                                        "none of your business",
                                                        "not comfortable",
                                                        "why do you need",
                                                        "no way",
                                                        "not providing",
                                                        "refuse",
                                                        "forget it",
                                                        "not happening"};
constexpr std::array<std::string_view, 20> kPersonWords = {
    "person",   "people",   "human",          "humans",  "someone",    "somebody", "agent",
    "agents",   "staff",    "representative", "rep",     "operator",   "advisor",  "adviser",
    "advisers", "advisors", "colleague",      "manager", "supervisor", "team"};
// Words that reach for a person rather than name one: "talk to your staff"
// asks for someone, "your staff were rude" does not.
constexpr std::array<std::string_view, 40> kReaching = {
    "talk",         "speak",         "chat with",    "chat to",       "connect",       "transfer",
    "put me",       "pass me",       "hand me",      "hand over",     "get me",        "give me",
    "call me",      "ring me",       "phone me",     "contact me",    "get in touch",  "call back",
    "callback",     "escalate",      "human",        "real person",   "actual person", "live",
    "need a",       "need an",       "need someone", "need somebody", "want a",        "want an",
    "want someone", "want somebody", "can i have",   "can i get",     "may i have",    "is there",
    "anyone",       "anybody",       "reach",        "message me"};
constexpr std::array<std::string_view, 17> kAffirm = {
    "yes", "yeah", "yep",    "yup",    "ya",        "correct",      "right",    "exactly",   "sure",
    "ok",  "okay", "indeed", "please", "that's it", "that's right", "that one", "absolutely"};
constexpr std::array<std::string_view, 11> kDeny = {
    "no",    "nope",       "nah",           "not that", "neither",  "something else",
    "wrong", "not really", "that's not it", "not it",   "incorrect"};
// A yes or no to "Did you mean ...?" is short; longer replies say something new.
constexpr std::size_t kShortReplyWords = 5;

// Names of details, in the order they are checked.
constexpr std::pair<std::string_view, DetailType> kDetailNames[] = {
    {"order number", DetailType::kOrderId}, {"order id", DetailType::kOrderId},
    {"order no", DetailType::kOrderId},     {"email", DetailType::kEmail},
    {"e mail", DetailType::kEmail},         {"phone", DetailType::kPhone},
    {"mobile", DetailType::kPhone},         {"amount", DetailType::kAmount},
    {"how much", DetailType::kAmount},      {"date", DetailType::kDate},
    {"card", DetailType::kCardLast4}};

// Words that come with details without adding a need of their own.
constexpr std::array<std::string_view, 48> kDetailFiller = {
    "my",     "is",     "it",     "its",  "it's",  "s",    "the",     "a",       "an",    "and",
    "order",  "number", "no",     "nr",   "email", "e",    "mail",    "address", "phone", "mobile",
    "here",   "you",    "go",     "are",  "sure",  "ok",   "okay",    "yes",     "of",    "course",
    "thanks", "thank",  "please", "pls",  "that",  "this", "on",      "was",     "for",   "amount",
    "card",   "ending", "in",     "with", "i",     "im",   "account", "ref"};

// The message's words joined by single spaces, framed so " word " finds whole words.
std::string framed_words(std::string_view message) {
  std::string out = " ";
  for (const auto& token : text::tokenize(text::normalize(message))) out += token.text + " ";
  return out;
}

std::size_t word_count(const std::string& framed) {
  return static_cast<std::size_t>(std::count(framed.begin(), framed.end(), ' ')) - 1;
}

template <std::size_t N>
int count_cues(const std::string& framed, const std::array<std::string_view, N>& cues) {
  int found = 0;
  for (auto cue : cues)
    if (framed.find(" " + std::string(cue) + " ") != std::string::npos) ++found;
  return found;
}

// Shouting: most letters capitals, over enough letters that "OK" or "LP" are not.
bool shouting(std::string_view message) {
  std::size_t upper = 0, lower = 0;
  for (char c : message) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= kShoutingMinLetters && upper >= 4 * lower;
}

// "f***ing", "s**t": swearing written with its letters starred out.
bool starred_swearing(std::string_view message) {
  for (std::size_t i = 0; i + 2 < message.size(); ++i) {
    const char c = message[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && message[i + 1] == '*' && message[i + 2] == '*') return true;
  }
  return false;
}

template <std::size_t N, std::size_t M>
bool has_pair(const std::string& framed, const std::array<std::string_view, N>& firsts,
              const std::array<std::string_view, M>& seconds) {
  for (auto first : firsts)
    for (auto second : seconds)
      if (framed.find(" " + std::string(first) + " " + std::string(second) + " ") !=
          std::string::npos)
        return true;
  return false;
}

bool repeated_marks(std::string_view message) {
  int run = 0;
  for (char c : message) {
    run = (c == '!' || c == '?') ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

}  // namespace

float frustration_signal(std::string_view message) {
  const std::string framed = framed_words(message);
  const int negative = std::min(count_cues(framed, kNegative), 2);
  const int profane =
      std::min(count_cues(framed, kProfanity) + (starred_swearing(message) ? 1 : 0), 2);
  return kNegativeWordWeight * negative + kProfanityWeight * profane +
         (shouting(message) ? kShoutingWeight : 0.0f) +
         (repeated_marks(message) ? kRepeatedMarksWeight : 0.0f);
}

bool says_not_helpful(std::string_view message) {
  const std::string framed = framed_words(message);
  return count_cues(framed, kNotHelpful) > 0 || has_pair(framed, kVerdictSubjects, kVerdicts) ||
         has_pair(framed, kVerdictNegatedSubjects, kNegatedVerdicts);
}

bool declines_detail(std::string_view message) {
  return count_cues(framed_words(message), kDeclines) > 0;
}

bool names_person(std::string_view message) {
  return count_cues(framed_words(message), kPersonWords) > 0;
}

bool reaches_for_person(std::string_view message) {
  return count_cues(framed_words(message), kReaching) > 0;
}

bool affirms(std::string_view message) {
  const std::string framed = framed_words(message);
  return word_count(framed) <= kShortReplyWords && count_cues(framed, kAffirm) > 0 &&
         count_cues(framed, kDeny) == 0;
}

bool denies(std::string_view message) {
  const std::string framed = framed_words(message);
  return word_count(framed) <= kShortReplyWords && count_cues(framed, kDeny) > 0;
}

std::optional<DetailType> detail_named(std::string_view message) {
  const std::string framed = framed_words(message);
  for (const auto& [name, type] : kDetailNames)
    if (framed.find(" " + std::string(name) + " ") != std::string::npos) return type;
  return std::nullopt;
}

int content_words(std::string_view text) {
  int count = 0;
  for (const auto& token : text::tokenize(text::normalize(text)))
    if (std::find(kDetailFiller.begin(), kDetailFiller.end(), token.text) == kDetailFiller.end())
      ++count;
  return count;
}

}  // namespace tandem::dialogue
