// Messages about the chat itself ("are you a bot?"), how it talks, short
// replies ("not really"; a bare "useless" is frustration, which the policy
// weighs on its own), calls or meetings with people by name, and asking for
// no one ("I don't need an agent", "no need to transfer me").
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view chat_message_lines() {
  return R"(are you a person or a program
are you a human or a machine
are you a real person or an AI
tell me honestly, are you a robot
can you prove you're human
are you alive
do you have feelings
are you a real agent
are you a man or a woman
what kind of bot are you
which company made you
how old are you
do you have a name
do you sleep
do you like your job
are you smarter than a human
nice talking to you
lovely to chat with you
good to talk to you
talk to you later
speak soon
I'll talk to you tomorrow
thanks for talking with me
you're easy to talk to
you talk too fast
please talk more slowly
speak a bit louder
can you speak more formally
you speak very well
don't talk to me like that
call my wife
call mum
phone my brother
ring the office
call the restaurant for me
give my dad a call
put me on a call with the team at 3pm
set up a call with Ahmed tomorrow
schedule a meeting with my manager
book a meeting with Lisa on Monday
remind me to call the bank tomorrow
remind me to phone the hotel
add a note to call my landlord
connect me to my home wifi
connect to my speaker
pair my headphones
get me a coffee
get me an ambulance
get me a cab to the station
get me directions to the branch
get me the weather
take me to the nearest ATM
who is the best person to ask about taxes
who invented the ATM
who is the CEO of the bank
who owns this hotel
who designed your app
not at all
not really
not a chance
no idea at all
not sure about that
definitely not
absolutely not
not that one, the other one
not yet
not now
not today, thanks
not me, my husband made the order
not the blue one
nope
no, that's not it
no, the other account
no, it was last month
neither of them
I have no clue
who knows
no worries
no problem
why does it say transfer not possible
it says my card is not supported
who gets the cashback
who pays the delivery fee
who is eligible for a loan
who can open an account
who do I make the payment to
who is the payee on this charge
should I call the police about the fraud
do I need to call to confirm my booking
do I need to contact you before travelling
do I need to speak to a representative to change my PIN
what's the best way to contact you
how can I contact you
what's your contact email
where can I find your phone number
can I contact you on WhatsApp
can I message you on Twitter
do you have a Facebook page
can you give me advice about my mortgage
can you recommend a savings account
what would you recommend for a first-time buyer
what do you suggest
can you hold the room until late
can you order me a taxi from the hotel
there's a problem with my bill at checkout
do you have gift wrapping
my phone screen is cracked, is it covered
why is there a charge from you on my card
my phone was stolen, block my SIM
I don't want to speak to a person, I just want my balance
I don't want to talk to a human, just tell me how to reset it
I do not need an agent for this
I do not need to speak with anyone
I don't need to talk to a representative
I don't need anyone to call me
I don't need a callback, thanks
I don't need human help, the app is fine
I don't need someone to look at it, it's sorted
I don't need to be transferred
don't pass me to anyone, I only have a quick question
don't connect me to an agent, I just need the address
please don't put me through to a person, I'm on a train
please don't hand this to a human, I'll do it myself
do not escalate this, I found the answer
do not transfer me, I was only asking the fee
no need to transfer me to anyone
no need for an agent, thanks
no need for anyone to phone me
no need to involve a human
no need for a manager, it was a small mistake
no need to speak to a person, email is fine
no person needed, just the link please
no agent needed
no human required, I only want the form
not asking for a person, just the fee
I'm not asking to speak to anyone, what's the limit
I didn't ask for an agent, I asked about my card
I never asked to talk to a person
I wasn't asking for a human, just the opening times
I don't want an agent, I want to know my balance
I don't want a person to call, send a text
I'd rather not talk to anyone, just send the details
I'd prefer not to speak to a representative, can I do it online
I'd rather not be called, I'm at work
I'd rather not be transferred, just answer here
without talking to anyone, how do I change my address
can I change my PIN without speaking to a person
can I sort this out without an agent
is there a way to do this without calling someone
can I return it without talking to the store
I don't want to phone anyone, is there a form
I won't be able to take a call today, can you email me
I can't talk on the phone right now, email me please
I can't speak right now, I'll read the reply later
nobody needs to call me, I just want the statement
none of your staff need to get involved
neither an agent nor a call, just the answer please
it's fine, no one needs to look at it
I'm fine talking to the bot
you're doing fine, no need for a human
happy to keep chatting with you
I'm happy with the bot's answer
the bot answered my question, no agent needed
I'm okay with an automated answer
an automated answer is fine
I don't want an agent
I don't want a human to call me
I don't want to talk to an advisor, I'll read the FAQ
I don't want to chat with a representative
I don't want to be put through to anyone
I don't want someone to ring me
I don't want a manager, just a refund
I don't want a person involved, just cancel it
I do not want to talk to anybody
I do not want a call back
I do not want to be transferred to a person
I do not wish to speak to an agent
I don't wish to be contacted by phone
I don't want any calls from your team
I don't want staff calling me at home
I don't need a real person for this
I don't need a representative, only the account number
I don't need to speak with a manager
I don't need an advisor, just tell me the rate
I don't need somebody to explain it, just the link
I don't need a human to check it
I do not need to be put through to someone
we don't need to involve an agent
you don't need to get a person
you don't have to call me
no need to get a human involved
no need for a real person
no need to ring me
no need to pass this on to the team
no need for a callback
never mind the agent, I found the answer
forget the agent, the app worked
I changed my mind, I don't need a person any more
actually I don't need to speak to anyone now
it's ok, I no longer need an agent
cancel my request for a callback
please cancel the call back, it's sorted
I didn't want to be transferred
I didn't ask to speak to someone
I never wanted an agent, just the balance
I'm not looking for a person, I want the opening hours
I'm not after a human, just the fee
not looking to speak to anyone, just need the form
I'm not trying to reach a person, I just need my PIN
there's no need for me to talk to an agent
are you a live person
are you a person or software
are you an actual human or a program
are you really a person
are you really a bot
is it a real human replying to me
is a person writing these answers
is this reply from a human or automatic
am I chatting with a robot
am I chatting to a human being
am I talking to software
am I speaking to a machine
is there a real human typing this
are you a computer program
are you artificial intelligence
are you a virtual assistant
is this a chatbot or a real agent
so are you a bot or not
I just want to know if you're a real person
I need to know whether you're human
I'd like to know if you are a robot
I wonder if you're a real person
tell me whether you're a human
please tell me if you are a bot
be honest, are you human
can you tell me whether you're a real agent
would you call yourself a robot
do you think you're a person
you seem like a real person
you sound very human
you write like a robot
you must be a bot
you're a bot, right?
I think you might be a machine
I bet you're an AI
how can I tell if you're a person
how do I know you're not a robot
can you pass for a human
can you think like a person
do you have a human supervisor
is there a human watching this chat
do people check what you say
who trains you
who writes your answers
are your answers written by people
I need you to help me with my budget
I need you to find me a cheaper room
I need you to book me a flight
I need you to check my balance
I need you to add milk to my list
I want you to find me a hotel in Lisbon
can you help me with a sum
help me solve this equation
that's enough, stop talking
don't say anything else
please stop, I've heard enough
abort
cancel that request
I don't want this any more, stop
useless
so useless
this is useless
that's useless
stupid
this is stupid
how stupid
rubbish
ridiculous
this is ridiculous
pointless
unbelievable
terrible
awful
so annoying
complicated
why so complicated
can I talk to my banking app with siri
can I speak to the app instead of typing
can I pay bills by talking to my smart speaker
can I chat in french with you
can I talk to you in german
does the app understand voice commands
)";
}

}  // namespace tandem::nlu
