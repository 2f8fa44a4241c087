// Requests for a person with the need, department or role named (banking,
// hotel, retail, telecom), or for a call back.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view person_request_with_need_lines() {
  return R"(transfer me to a human
can I be transferred to an advisor
speak to an advisor
can I speak with a consultant
transfer me
transfer to agent
transfer to a representative
please transfer me to a live representative
if possible I'd like to chat with a real advisor
kindly transfer me to one of your human colleagues
thanks for trying, but I need to talk to a human
I'm sure you're trying, but I need a person
TRANSFER ME NOW
I choose to speak to an advisor
could someone on your side check this manually
transfer me to the appropriate person
we've been at this for ages, get me a person
just transfer me
I need a human for this one
I need to talk to housekeeping staff directly
can I speak to a sales person
I'd like to speak to a sales advisor
I need a person to sort out my roaming charges
can I wait for an agent
I'll wait for a human
queue me for an agent
put me in the queue for a person
can I get a call from someone
can somebody call me back
I want someone to call me
I want to speak to your manager
get me a supervisor
let me speak to a supervisor
manager now
I need to talk to someone about my account
I want to speak to someone about a refund
can I talk to a person about my payment
let me speak to a human about my order
can a human look at my case please
can I call someone
I want to call customer service
member of your team please
call centre please
can I speak to the call center
can your support team contact me
I'd like someone from the team to get back to me
need to talk to the team
talk with support team
i need a human to call me today
need to speak to someone urgently
urgent: speak to a person
would it be possible to speak with a member of your customer team
I was hoping to talk to an actual person about this
thank you, but can I talk to someone from the team now
is there anybody I can talk to about this
could a colleague of yours phone me
I'd like a phone call from your team
ring me back please
please call me back
can I book a call with someone
schedule a call with an agent
I want a callback
callback please
get someone to phone me
can someone from support call me today
I'd like to speak to someone by phone
I want to talk on the phone with a person
can we do this over the phone with a person
I'd like a video call with an advisor
is a person able to call me back about my claim
I need a human to look into this
a real person needs to review my case
can a member of the team look at my account personally
please get a person to review the decision
can a human override this
I'd like somebody to take a proper look at it
can a manager review this
I want to speak to the person in charge
who is in charge there, I want to speak to them
get me your supervisor
put your supervisor on
I demand to speak to a manager
can I talk to someone who knows about mortgages
put me in touch with the right department
connect me to the right team please
who do I talk to about this
who should I contact about this, a real person
can I chat to one of your team members
this needs someone to look at it properly
I want to talk to someone about my mortgage
I need to speak to someone about my savings account
can I talk to someone about a suspicious payment
I want to talk to a person about my loan repayments
can I speak to an advisor about investing
I need to speak to someone about a bereavement
I'd like to speak to someone about a payment holiday
can I speak to a person about my business account
I want to talk to someone about my credit card bill
can I speak to someone about opening an account
put me through to the fraud department
connect me with the fraud team
I need to speak to the card services team
transfer me to the mortgage team
I need the loans department
can I talk to someone in the disputes team
get me someone from lending
I'd like to speak to my relationship manager
can I speak to the branch manager
put me through to my local branch
I want to speak to someone at the hotel
can I talk to reception
connect me to the front desk
can I speak to a receptionist
put me through to room service staff
I'd like to speak to the hotel duty manager
can I talk to a person about my room booking
I want to talk to the reservations team
is there a person at reception I can chat with
I'd like to talk to someone about my stay
could the hotel call me about my booking
I need a real person to change my hotel dates
I want to speak to the events team at the hotel
can I speak to someone in the store
put me through to a store manager
I want to talk to someone about my order
can I speak to the returns department
I'd like to talk to somebody about my delivery
connect me with the customer care team
I need to speak to someone about a faulty product
get me someone from the complaints department
can I speak to someone about my warranty
I want to talk to a person about my subscription
can I speak to someone about my phone bill
I need to talk to someone about my broadband
connect me to technical support staff
can I talk to a technician
put me through to the network team
I'd like to speak to someone about my contract
I want to talk to someone about upgrading my phone
I want to talk to customer service about my bill
I'd like a member of the team
I'd like to raise this with your team
escalate to your team
urgent, I need to speak to someone
it's an emergency, connect me to someone now
this is urgent, I need a person immediately
asap agent
immediately get me a representative
can someone from your team help me
is there a phone number to speak to someone
I need personal help from your team
you're no help at all
can someone at the hotel help me with my reservation
I need a real person to help with my return
can a shop assistant help me with sizing
can I speak to someone about porting my number
can I talk to a teller
I'd like to speak with a clerk
put me through to an account manager
can I speak to a bank advisor about my fees
I want to speak to a cashier at the branch
is there a branch employee I can talk to
I'd like to speak to a mortgage advisor in person
can I talk to a credit advisor
connect me with an underwriter
can I talk to the bellboy or anyone at the desk
let me talk to the night manager
can I speak to the restaurant manager at the hotel
I want a word with the housekeeping supervisor
put me through to the reservations desk
connect me to a travel consultant
let me speak with a booking agent
I'd like to speak with a store manager about my order
can I talk to a customer advisor in store
put me in touch with a sales consultant
I want to talk to a returns advisor
can I speak to the delivery team directly
I'd like to chat with someone from the shipping team
get me a person from the warehouse
can I speak to a billing advisor
I need an engineer to call me back
put me through to a broadband advisor
I want to speak to someone in the mobile shop
can I talk to a support engineer
I need a real technician, not this chat
human about my refund
agent about my bill
person about my order
human for my booking
agent for my card
someone for my account please
rep about a charge
operator for my phone line
human re my mortgage
agent re: missing parcel
can I talk to someone about my statement
I'd like to talk to someone about the fees on my account
can somebody look at my application personally
can a person check the decision on my loan
can a human double check my bill
I'd like a real person to go through my statement with me
I want a person to explain my bill
can I ask a real person about the interest charged
can I speak to someone about these charges
I want to speak to someone about my email address being changed
I'd like to talk to a human about the payment that failed
could someone from the team talk me through my bill on the phone
I'd like to talk to someone, my card was blocked
can a person help me with my transfer
I want a human to help me with my top up
I need a human to explain why my transfer was declined
is anyone about?
is anyone from the team online
I'd like to speak with someone from the hotel team
can someone from the shop contact me
can someone from billing phone me
can someone from the bank call me back
could someone ring me back about my booking
someone call me please
please get someone to ring me
I need somebody to phone me about my order
I'd like somebody to contact me about the refund
I need a human to call me about my contract
can I arrange a callback from a person
set up a callback with an agent please
I'd like to book a callback
please arrange for a member of staff to call me
I'd like a word with someone at the bank
could I speak to a banker today
let me discuss this with a financial advisor
put me in touch with a loans officer
I'd like to talk to the concierge
is someone from guest relations available
let me speak to a shop associate
is a sales assistant free to talk
connect me to an operator
operator, please connect me
get me the switchboard
I need to talk to the helpdesk staff
can I get the service desk on the line
put me through to a call handler
I'd like to talk to a claims handler
connect me with a case worker
can a case manager contact me
is there an agent free
is a colleague free to take my chat
are any advisors free
is someone free to help me
is anybody available to chat
are there people working on the chat today
is there a person on the other side
is there a real person behind this chat
is this chat staffed by real people? I need one
what do I type to reach a person
what should I say to get a human
what's the magic word to get a human
human pls for billing
agent for a refund
person for my booking
someone for a complaint
rep for billing please
advisor for my mortgage
operator for a reverse charge call
staff for a lost item
a human for my delivery problem
an agent re: my order
a person about the fees
can I talk to someone about my bill
I'd like to speak with somebody about the charges
could someone walk me through my statement on a call
can somebody go over my account with me
can I have someone look at my dispute
I want someone to look into my complaint personally
can a member of staff check my refund by hand
I want someone at the hotel to confirm my booking
I'd like the hotel team to contact me about the room
can a person at the store check if my order is ready
I need someone in the shop to look at my return
you're not getting it
can reception phone me about my booking
could the hotel front desk ring me
I'd like reception to call me back
can someone at the front desk phone my room
please ask the hotel to call me
can the reservations team ring me about the dates
I'd like the store to call me about my order
can the shop give me a call about the repair
could the branch phone me about my loan
can my local branch call me back
can the billing team phone me about my bill
ask someone from technical support to ring me
I'd feel more comfortable if a member of staff handled this
it would be better if an advisor looked at my case
I'd be happier talking to a real employee about my mortgage
would love a quick chat with one of your team about my bill
honestly I'd prefer a colleague of yours to check my payment
it would put my mind at rest to go over this with a banker
speaking with a consultant would suit me better for this
I'd be more at ease discussing my debt with a person
I would like it if someone from the bank phoned me
I wish to be served by a member of staff
I wish to be helped by an actual person
I'd appreciate being looked after by a human for this
I'd rather discuss the repayment plan with an adviser
discussing my claim with a member of the team would help
I'd love to talk to somebody about the charges on my account
I'd feel happier if an employee confirmed the booking
a call from your mortgage team would be better than this chat
could a member of the team sort this out for me
can an employee take a look at my statement for me
could someone at the branch go through my transactions with me
can a colleague of yours chase my delivery for me
could a real person confirm my booking for me
can a staff member reset my card for me please
could somebody at your end fix my account
can someone on your side process my return by hand
could a human being look over my claim
can an agent please check why my payment failed
this is something only a human can sort out
only a real agent can fix this
only someone from your team can answer this
nobody but a person can help me with this
who else could I talk to about this
who else is there to speak with
any humans around? I need one
I need one of your people to look at this
can I speak to whoever is on shift
put me through to whoever is working tonight
I need the person in charge of refunds
let me talk to the staff on duty
I'd like the manager on duty please
may I have a word with someone senior
could I have a quick word with your supervisor
a word with the store manager please
can your billing team call me back
I'd like a callback from the mortgage team
could I get a phone call from your fraud department
a call back from the lettings team please
could you connect me to the maintenance staff
can I be put through to room service staff directly
I'd like to be attended by a real employee
I already asked for a human
I said I want an agent
I told you I need a person
I've been asking for a real person for ages
get me a agent
i want a agent now
conect me to a persn
i need to tlak to a real persin
spk to agent plz
get me an agent my router has been down all week
need a human my card was charged twice
put me through to someone my flight got cancelled
I need to speak with billing
let me speak with collections
I want to talk to payroll
can I speak with the lettings office
could a member of your team review my complaint
can one of your staff look over my invoice please
could a person at the bank go through my statement
I would like it that one of your advisers calls me
I'd like somebody from your team to contact me about it
I need someone in billing to look at my invoice
I need somebody from the lettings team to check my deposit
could the store manager check my return for me
)";
}

}  // namespace tandem::nlu
