// Requests for a person against the bot: complaints about it, "not a
// machine", a detail refused to a machine, an answer that did not help,
// "someone else".
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view person_request_against_bot_lines() {
  return R"(this chat isn't getting me anywhere, I need to talk to someone
this isn't leading anywhere, connect me with a human
you keep repeating yourself
you have no idea what I mean
I don't get it, can someone from the team explain
i want a real person not a bot
are you a bot? I want a person
stop the bot and get me a person
I don't want to talk to a robot
no more bot, human
this bot is useless, get me a human
useless bot. agent!
give me a human right now
just give me a person
I'm tired of this bot, let me talk to someone
you're not helping, I want a person
you don't understand, get me an agent
for god's sake give me a real person
I want to speak to a human, not a machine
not a chatbot, a person
I don't want automated answers, I want a person
thanks, but I'd still like to speak to an advisor
give me the option to talk to an agent
can someone give me a ring
I'd rather talk to someone than type
I need this checked by a human, not a system
I need a specialist, not a chatbot
someone else please
can I talk to someone else
I want to speak to somebody else
is there someone else I can talk to
let me speak to another agent
can I have a different advisor
get me another person
I'd like to talk with a different person
is there anyone else available
pass me to someone else
transfer me to somebody else
since you don't understand, put me through to someone who does
we're going nowhere, can I speak to a human
this is going in circles, let me talk to an agent
this conversation is pointless, I want a person
I'm getting nowhere with you, I need a real agent
this is getting me nowhere
we are going round in circles
you're not helping me
you are not helping at all
you're not understanding what I want
you don't understand me
you don't understand what I'm asking
you misunderstood me again
that's not what I asked, again
you're not listening
this bot is useless
stupid bot
what a stupid bot
this chatbot is useless
useless chatbot
this bot doesn't understand anything
the bot is not helpful
this bot is so annoying
this robot is useless
you are a useless robot
you're a stupid machine
dumb machine
useless machine
this AI is stupid
this AI is useless
this assistant is useless
you're useless
you are completely useless
you are an idiot
you're an idiot bot
you're terrible at this
what a waste of time this bot is
talking to you is a waste of time
chatting with a bot is pointless
bots never understand anything
I hate this bot
I hate this chatbot
I hate robots
I can't stand chatbots
I'm fed up with this bot
I'm sick of this automated system
I'm sick of robots
I'm tired of automated answers
enough with the bot
stop sending links and get me a person
no more links please, a real person
I don't want to talk to a bot
I don't want to chat with a machine
I don't want to talk to an AI
I don't want to speak to a computer
I'd rather not talk to a bot
I'd rather not deal with a machine
I don't want an automated reply
I don't want a chatbot, I want a person
I don't trust a machine with this
I don't trust chatbots with my money
I'm not talking to a robot
I won't talk to a bot
I refuse to talk to a machine
I refuse to deal with a chatbot
not a bot please
not a robot, a real human
not a computer, a person
not AI, human
person not bot
human not machine
real person, not an automated system
a human rather than a bot
an actual human instead of this bot
someone who is not a robot
someone who isn't a machine
someone real, not a program
are you a bot? get me a human
is this a robot? I need a person
am I talking to a computer? let me talk to a person
you're a bot, aren't you? transfer me
I can see you're a machine, put me through to someone
I know you're a bot so just get me a person
if you are a machine I'd like a human instead
I'm not comfortable talking to a machine about this
I'm not comfortable sharing my details with a bot
I don't feel comfortable giving my details to a chatbot
I don't feel safe giving my information to a robot
I don't like sharing personal information with an automated system
I'm uneasy giving my bank details to a machine
I don't want to give my details to a bot
I would rather not hand my personal information to a computer
I'm not giving my details to a chatbot
you are not getting my email address, find me a human
I won't give you my phone number, connect me to an agent
I'm not telling a bot my account number
I'm not typing my card number here, I want to speak to someone
no I won't share my date of birth, let me talk to a person
I'd rather give my details to a person
I'll only give my details to a human
I'll give my information to a real person, not you
no way am I giving my ID to a machine
I don't want to type my personal details, can someone call me
not sharing that with you, get me a person
I'm not giving my order number, just get me a human
why do you need my email, just give me an agent
forget the details, I want a real person
no details, just a person please
skip this and get me a human
skip the bot, agent please
thank you, but I'm still confused, can I speak to someone
thanks, but I still don't understand, can I talk to a person
I'm still confused about the charge, could I talk to someone
still confused, can I speak to an agent
I still don't understand these charges, can someone explain on the phone
I still have questions, can I talk to a human
I'm still not sure, could I speak to a representative
sorry but I'm still lost, can a person help me
I still can't work it out, let me talk to someone
I've read all that and I still need to speak to someone
the FAQ didn't help, I need a person
my problem is not listed, I need a human
none of the options apply to me, I want an agent
a bot can't solve this
this assistant doesn't understand
this assistant is pointless
the assistant is useless
your chat assistant is hopeless
your chatbot is awful
your bot is rubbish
this bot is garbage
this bot is dumb
you are stupid
you're so dumb
you are dumb as a rock
you're thick
you are hopeless
you're pathetic
you're a joke
how useless are you
worst bot ever
worst assistant ever
this is the dumbest bot
this chat is useless
this chat is a waste of time
this chat is going nowhere
this conversation is useless
this conversation isn't helping
this conversation is going nowhere
this chat leads nowhere
we're not getting anywhere
I'm not getting anywhere with this chat
you don't get it
you just don't get it
you don't understand a word I'm saying
you have no idea what I'm talking about
you've got no clue
you obviously don't understand
clearly you don't understand the problem
you never understand
why don't you understand me
can you not understand simple English
you keep misunderstanding
you keep getting it wrong
you keep asking the same thing
stop asking me the same questions
I've told you three times already
I already told you, are you even listening
you're going round in circles
you're not making sense
your answers make no sense
your answers are useless
automated answers don't help me
automated replies are useless
I'm fed up with automated replies
the automated chat is useless
I can't get a straight answer from this bot
a bot can't help me with this
robots can't help with this
a machine can't sort this out
I'm not sharing that with a machine
I don't share my details with machines
I'm not comfortable with a bot having my details
I don't feel comfortable telling a machine my address
I don't feel comfortable putting my card number in a chat
sharing my details with a computer makes me nervous
I'm worried about giving my information to an AI
I'd feel safer giving my details to a person
I prefer to give my personal details to a human
I'd rather give my account number to a real person
I'll only share my details with a member of staff
no, I'm not giving my address to a robot
why would I give my date of birth to a bot
I don't want a machine to have my phone number
I don't want to put my details into an automated system
I'm not giving you my card number
I won't tell you my password, get me a person
I'm not telling you my account details, I want a human
I'm not giving out my email, connect me to someone
not giving my details, human please
no details until I speak to a person
how do I get past the bot to a person
how can I skip the bot
is there a way to bypass the bot
no bot
no bots
no chatbots
no more bots, please
no automated replies please
no robots, a person
not another bot, I need someone
no AI please, a human
I'd like no more automated help, a real agent please
you really don't understand
you still don't understand my question
that's not what I mean, you don't get it
you have no idea, do you
you haven't understood a thing
you're not understanding me at all
you make no sense
you're useless at this
this automated thing is useless
this automated service is driving me crazy
this automatic chat is no good
I've had enough of talking to software
I'm tired of chatting with a program
I'm fed up of this machine
I'm losing my patience with this bot
this bot is making me angry
this bot is driving me mad
I'm so frustrated with this bot
stop giving me robot answers
this is too complicated for an automated chat
this is beyond a bot
a chatbot won't understand my situation
I need more than a chatbot can give
this needs someone who can think
I want to speak to someone who can actually think
I need a real brain on this, not a bot
this AI is hopeless
you're not understanding anything I type
the assistant is rubbish at this
you understand nothing I write
your chatbot is worthless
)";
}

}  // namespace tandem::nlu
