// Requests for a person asked plainly: polite, terse, shouted, misspelt, indirect.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view plain_person_request_lines() {
  return R"(I want to talk to a human
can I speak to a real person
let me talk to someone
agent
human please
representative
real person please
talk to agent
speak to a representative
connect me to an agent
I need to speak with someone from support
get me a human
put me through to customer service
can I chat with a live agent
live agent
live chat with a person
operator
operator please
customer service representative please
I'd like to speak to someone
I would like to talk to a member of staff
is there a human I can talk to
is there anyone real there
speak to human
talk to human
talk to a person
speak to a person
need a human
need a person
need an agent
I need a real human being
human being please
could you connect me with a support agent
please let me speak to a customer service agent
have someone contact me
can i talk to someone in person
escalate this to a person
escalate to a human agent
HUMAN
REAL PERSON NOW
just connect me to someone
i wanna talk to a human
wanna speak to someone real
lemme talk to a person
pls human
human pls
agent pls
talk to agnet
speak to an agnet
humna please
can i talk to a humam
real persn please
speek to someone
represenative
reprasentative please
talk to a rep
get me a rep
rep please
customer support person please
support agent please
a human, please
person please
I prefer to speak with a human
talk to an adviser
connect me to a specialist
I want to discuss this with a real person
I need to explain this to a person
I want a human to handle this
please hand me over to your staff
pass me to a colleague
pass me on to a real agent
hand this over to a human
can I message a person instead
is it possible to talk to a human
how do I reach a human
how can I speak to a real person
how do I get to talk to an agent
where can I talk to someone
contact a human
contact support staff
I want to contact an agent
chat with human
chat with someone
chat to a person
someone real
anyone there? a person?
hello? is a human there
this isn't working, human please
ugh just let me talk to someone
I've had enough, put me through to a human
connect to customer service
connect me with staff
staff member please
someone from customer care
customer care agent
an actual human please
a living person please
I want to talk with a live person
live person
live human
live support
personal assistance please
have an agent reach out to me
get a person on the line
put a human on
bring a human in
can a real person take over
let a human take over
speak to someone who works there
talk to an employee
I want to talk to an employee
can i speak to a staff member
Can I please talk to customer support?
could I have a word with someone
may I speak to an agent please
I'd like to be connected to a representative
kindly connect me to a human agent
requesting a human agent
request human support
quiero hablar con una persona
ich möchte mit einem Menschen sprechen
je veux parler à un conseiller
could you please put me through to one of your colleagues
would you mind connecting me to a human agent
may I please speak with someone from the bank
I'd like to talk this over with a person, please
I'd appreciate it if someone from your staff could contact me
please could I be put through to a person
I would like to request a conversation with an agent
Is there any chance I could speak with a human?
Could I possibly talk to one of your representatives?
I'd love to speak to a real person if that's possible
sorry to be a pain but can I talk to a person
ok thanks, could I speak to a person though
that's kind but I'd prefer a human
a person
someone
an agent
a representative
a human being
customer service
customer support please
support person
live rep
real human
real agent please
actual agent
talk person
speak human
human now
person plz
get human
want human
need agent
need someone
want a person
find me a human
get me someone
bring me a person
put a person on
GET ME AN AGENT
LET ME SPEAK TO SOMEONE
NEED A REAL PERSON
REAL HUMAN PLEASE
i want 2 talk 2 a human
can i tlk to sum1 real
speek to a humen
talk to a huamn
spaek to a person
tak to agent
agnet please
humann
perosn please
reprisentative
representitive please
custumer service
costumer support agent
live agnet
real persom
wanna talk to somebody
gimme a human
gimme an agent now
can u get me a person
can u put me thru to someone
plz connect me 2 an agent
hi can i get a human
yo get me a real person
is there a human there
is anyone real on this chat
is there an actual person I can message
is there someone I can speak to
can I reach a person somehow
how do I speak to an actual human
how can I get a representative
how do I get put through to a person
how do I contact a real agent
what's the quickest way to reach a human
what do I need to do to speak to a real person
can you tell me how to reach someone at your company
is it possible to speak with somebody directly
can I get in touch with someone directly
can I deal with a person instead
can I do this with a person instead of you
is there a human option
is there a person option
I'd like the option to speak to a human
I'd like to be put in contact with a person
please get somebody to contact me
please have someone get in touch
could someone reach out to me
can I talk to someone more senior
I'd like to talk to someone with more experience
can I speak to an expert
is there an expert I can talk to
I need someone who understands business accounts
who can I speak to
you keep sending me the same answer
stop, I want a human
stop talking, get me a person
someone human please
a real live person please
a flesh and blood human
a human voice please
one of your human agents
one of your real agents please
can I speak with one of your human staff
can I talk with one of your people
can I speak to one of your colleagues
I'd like one of your representatives
just get me a person
just get me someone
just connect me to an agent
just let me talk to someone
just put me through
I just want a human
I just want to talk to someone
all I want is a real person
I only want to speak to an agent
please, I just need to talk to a person
that doesn't answer my question, can I talk to a human
this doesn't answer anything, a human please
none of that helps, I need to speak to a person
my question isn't on your list, can I speak to a person
I have a unique situation, I need to speak to a person
this is a complicated issue that needs a human
you can't solve this, a person can
this one needs a person
I'd like to discuss my overdraft with someone
connect me to a personal banker
can I talk to an actual employee
I want to talk to someone who works at your company
can I talk to a staff member
is a member of staff available
is anyone from support available
are there agents available right now
is an agent online
add me to the queue to speak to someone
I want to open a ticket with a human
please pass my message on to a person
forward this chat to a person
hand me over to a human please
hand over to an agent
handover to human
escalate please
escalate this
please escalate my issue
I want to escalate
raise it to a person
bump me up to a human
I need assistance from a human
I want human assistance
I'd like human support
personal support please
please hurry and get me a human
I need to speak to a person right away
right now, a real person
quick, a human
I need human help
I need help from a real person
someone please help me, a real person
I'd rather talk to a person
put me through to someone who can help
I need an actual person to help me
I'd be grateful if a person could help me with this
Would a human be able to help me with this?
apologies, but I'd rather speak to a member of staff
appreciate the help but can you connect me to a real agent
I'd rather speak with someone other than you
you can't help, so who can
if you can't help me, find someone who can
you haven't helped me once
could one of your advisors help me
are you a real person? if not I want one
I'm not entering my address, just put me through to someone
I'd rather not say, can I just speak to a human
I'm not going to answer that, connect me to someone
that didn't help, can I speak to a person
that wasn't helpful, I'd like to talk to an agent
that's not helpful, put me through to someone
your answer doesn't help, I want a person
your help pages don't cover this, can I talk to someone
I want a staff member to help
I need help from a person
I need a human to help me
can a human help
can a person help me
can someone help me please, a real one
please someone help
help me, I need a real person
help, agent please
this assistant can't help me
your answers don't help
anyone around?
is somebody there?
anybody home?
hello, anyone?
hello? is someone there?
is there a person around to help
are any humans around
is somebody from support online
is there someone from the bank I can chat to
is a representative around
puedo hablar con alguien
necesito hablar con un agente
quiero un humano
je veux parler à un humain
puis-je parler à un agent
ich will mit einem Menschen reden
ich möchte einen Mitarbeiter sprechen
voglio parlare con una persona
posso falar com uma pessoa
ik wil een medewerker spreken
)";
}

}  // namespace tandem::nlu
