// Ordinary messages that mention people, staff, agents, someone, calls or
// talking; none asks to be passed to a person.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view person_mention_lines() {
  return R"(can a person pay with two cards?
is a human checking my application
the agent at the store told me I could pay later
can someone else pay for my order
can another person use my account
can two people share one account
how many people can use one account
does a human review the credit check
is my application reviewed by a person or automatically
the staff at the shop said the payment was declined
your agent said my refund was sent
the delivery person never came
the courier left the parcel with someone else
someone used my card without permission
someone is using my account
someone else made a purchase on my account
a person called me claiming to be from your company
somebody sent me a suspicious email
can I pay for someone else's order
can I buy a gift for someone
can I add another person to my plan
can my partner pay my installment
can someone else make a payment for me
is it safe for a person under 18 to use this
what age does a person need to be
does every person get the same interest rate
my husband wants to open an account too
can my wife see my orders
my son used my card by mistake
my friend paid me back, how do I refund him
the shop assistant refunded me in cash
the sales agent promised free delivery
the travel agent booked with your payment plan
my estate agent needs a statement
the human resources department needs proof of payment
is the human error on my bill going to be fixed
I made a human error in my address
is this staff discount applied
do staff get a discount
does the staff discount work online
can people in other countries use the app
how do people usually pay off early
what do most people choose
someone told me there are no fees
a friend told me about you
someone recommended this service
can a person have two accounts
can one person have more than one card
does the person paying need an account
the person at the counter couldn't find my order
the agent in the store scanned the wrong code
my agent handles my finances, can they log in
can a carer manage my payments
can I give someone power of attorney
someone changed my email address
I think someone hacked my account
someone knows my password
a stranger has my card details
how do I stop someone from using my card
the person who ordered is not me
I bought this for another person
the gift recipient wants to return it
can the recipient exchange the item
who is the person responsible for my data
who can see my personal details
people say your app is slow
other people have the same problem
lots of people had this issue
how many staff work there
are your staff trained
human rights policy
is the app human friendly
the agent's name was Sarah, she said to wait
an agent already helped me yesterday, thanks
thanks, the person yesterday fixed it
I spoke to someone last week about this
someone from your team emailed me
your support person said it would be refunded in 5 days
the representative told me the fee would be removed
the rep said I'd get a call
a customer service agent already closed my ticket
the support team fixed my login
can a business pay for its employees
can employees use a company account
do you have accounts for people with bad credit
can people with no credit history apply
is there a limit per person
what is the spending limit per person
is the limit per household or per person
can a person cancel an order
how does a person change their payment date
how can someone check their balance
can someone track an order without an account
how does someone close their account
can anyone apply
can anybody use the app
does anyone check the documents
is anyone charged a fee for late payment
can a customer pay with paypal
can the buyer split the payment
can a user have two emails
the seller hasn't refunded me
the merchant refused my return
the shop staff were rude
the store manager refused my refund
the cashier charged me twice
a member of staff at the store was unhelpful
I am a person with a disability, is the app accessible
I'm a real person, why was my account flagged as a bot
am I talking to a bot
are you a human
is this an automated chat
who am I talking to
how do I become a partner shop
can I use someone else's card
can I pay with my mum's card
can my dad pay with his card
can a friend pay with their card
can a person under 18 open an account
can a human being have two logins
how do people contact you by post
does a person need ID to sign up
what ID does a person need
can an agent of a company apply on its behalf
can my accountant get my statements
the agent fee on my bill is wrong
what is the agent fee
what is the staff payment plan
the human readable receipt is missing
the app said 'contact your agent', what does that mean
the person on the phone was very helpful, thanks
the person I spoke to solved it
I already talked to an agent and it's sorted
no need for an agent, it works now
I don't need a person, just tell me the fee
I don't want to talk to anyone, just answer
no thanks, I don't need a human
is it true people get a discount for paying early
do people get charged for paying early
how much does someone pay in fees
how much does a person pay per month
can one person pay for several orders at once
does the other person get a notification
will the person I bought for see the price
someone returned my gift, where is the refund
can someone pick up my order in store
my neighbour received my parcel
the postman lost my parcel
the driver said he delivered it
the delivery agent marked it delivered but it's not here
the shipping agent needs a reference
I gave the agent my order number
can I talk about my refund
I want to talk about my payment plan
let's talk about my order
speak slower please
can you speak French
do you speak Spanish
talk to me about interest
call me lazy but how do I pay early
who do I make the cheque out to
who is the merchant on my statement
who charged me
who can I pay
who should I pay
can I speak freely about my finances here
is this chat private
does anyone read these chats
will a person see my messages later
do humans read the feedback
is customer service open on Sunday
what time does customer service close
customer service hours
how long do agents take to reply to emails
how fast does your team answer emails
how long does the support team take to process a refund
how long does a representative take to review a dispute
does the staff check returns
does someone check returned items
has someone looked at my dispute yet
has a person reviewed my complaint
is anyone working on my case
can people see my purchases
will anyone know I used this service
does this affect a person's credit score
can someone check my credit without asking
someone ran a credit check on me
a person impersonated me
someone is pretending to be your staff
is this email from your staff real
did your agent really send this text
a man from your company came to my door
your automated call said my card was blocked
can this chat handle refunds
is this chat bot free
are you human
are you a real human
is this a real person
am I talking to AI
who am I talking to right now
is this chat monitored
does anyone see what I type here
do people read these conversations
will a human see this chat
is this chat recorded for training
can I use a robo advisor with my savings
I don't need a human, just the balance please
I don't need an agent, what time do you close
no need for a person, just send me the link
I don't want to speak to anyone, just tell me the fee
I don't want a person, I want the answer
no human needed, thanks
no need to connect me to anyone
don't put me through to anyone, I'm fine
I don't want anyone to call me
no calls please, just email
I don't need to speak to an advisor, I just want the form
I don't want to talk to a manager, just fix the address
there's no need for a human to get involved
I'd rather sort it myself without talking to anyone
I can do it myself, just show me how
I'd prefer to do it online than speak to someone
can I do this without talking to anyone
can I open an account without speaking to someone
can I cancel without calling anyone
do I have to speak to someone to close my account
do I need to talk to an agent to change my address
do I need to call to activate my card
will someone need to call me to confirm
do I need to see a person to verify my ID
will I have to talk to a person to get a refund
I spoke to an agent this morning and it's all fixed
I talked to a person at the store and they sorted it
the agent I spoke to yesterday was brilliant
thanks, I already called and spoke to someone
the guy on the phone fixed my problem
your colleague Anna already helped me
a member of your staff helped me at the branch
the hotel staff were amazing during my stay
the receptionist was really helpful
the night porter was rude
the waiter at the hotel restaurant overcharged me
the cleaner left my room a mess
the housekeeping team forgot my towels
the manager at the store was very kind
the store assistant couldn't find my order
the delivery guy was late
the courier was rude
the driver left my parcel in the rain
the person who delivered my order damaged it
the engineer didn't turn up for my broadband installation
the technician fixed my router yesterday
the installer left a mess
the bank teller made an error
the cashier gave me the wrong change
the employee at the checkout was helpful
someone at your branch told me to use the app
an advisor said I could change my payment date online
the agent said I'd get a refund in five days
the representative promised a credit on my bill
someone from support emailed me about my refund
one of your staff said my card would come this week
a person from your team told me the fee would be removed
I got a call from someone at your bank
someone called me from your number
someone pretending to be your staff called me
a scammer called me saying they were from your bank
I think someone is trying to scam me
someone asked me for my security code on the phone
someone has my card details
someone withdrew money from my account
somebody made payments I didn't authorise
someone opened an account in my name
someone booked a room with my card
someone else ordered on my account
someone is using my loyalty points
someone changed my password
someone tried to log in from another country
someone sent me money by mistake
someone sent me a payment request I don't recognise
I sent money to someone by mistake, can I get it back
I paid the wrong person
can I cancel a payment to someone
how do I pay someone with their phone number
can I send money to someone without their bank details
how do I set up a payee for someone else
can I transfer money to my friend's account
how do I receive money from someone abroad
can someone else top up my account
can someone else pay off my balance
can my daughter use my card
can my partner see my account
can I add my wife to my account
can I give my son a card on my account
can a family member manage my account
can I let someone else access my account
can I order a card for another person
can another person collect my parcel
can someone else pick up my click and collect order
can someone else check in for me at the hotel
can I book a room for my colleague
can a friend stay in my room
how many people can stay in a family room
is there a charge for a second person
is the price per person or per room
how much is dinner per person
can I book for a group of people
is the offer one per person
is there a limit per customer
can one person have two loyalty cards
can a person open more than one account
can a person under 16 open an account
what age does a person have to be to book a room
does a person need ID to check in
what ID does someone need to collect a parcel
what documents does a person need to apply for a loan
is the account available to people living abroad
can people with bad credit get a card
can people on benefits open an account
how do most people use this card
what do people usually choose for the savings account
do people get cashback on this card
do other people have this problem
lots of people are complaining about the app
a friend recommended your bank
someone told me you price match
my colleague said you have a discount
human resources needs a letter from you
is there a human resources contact for my company account
it was a human error on my side
sorry, human error, I typed the wrong number
the human readable version of my statement
what are the human rights commitments of the bank
is the product made with human hair
do you sell human hair wigs
do your staff get a discount
can staff book rooms at a discount
is the staff car park open to guests
are staff available at the pool
is there staff at reception overnight
will there be someone at the front desk when I arrive late
can someone help me with my bags on arrival
can staff hold my luggage
will someone clean my room
can someone bring extra pillows to my room
can I have someone wake me up at 6
does anyone at the hotel speak Spanish
do your staff speak Arabic
can staff help me book a taxi
do you have an agent in Spain
do you work with travel agents
my travel agent has my booking reference
can my booking agent cancel for me
what is the agent commission on group bookings
the estate agent wants a bank statement
my mortgage broker needs a letter
can my accountant get copies of my statements
can an agent open an account on my behalf
what is the agent fee on my bill
what is a registered agent
my letting agent needs proof of income
I want to talk about my savings options
let's talk about my mortgage rate
can we talk about my payment plan
I'd like to talk about changing my booking
I want to speak about my order
I'd like to speak about the fees
talk me through how to freeze my card
can you talk me through my bill
speak slowly please
can you speak in Spanish
do you speak Portuguese
can I chat in Dutch
what languages do you speak
I can't speak English well
my mum doesn't speak English, can she still apply
call me crazy but is there a fee for that
I'll call you later
I called yesterday and nobody answered
I called the branch but the line was busy
what is the customer service phone number
what number do I call for lost cards
how much does it cost to call you from abroad
can I text you instead of calling
is customer service open today
when does the chat close
how long does it take your team to reply to emails
how long does the dispute team take
has someone looked at my claim yet
is anyone dealing with my complaint
who is handling my case
my calls keep cutting out
I can't receive calls
I can't make calls
someone keeps calling me
I missed a call from you
why did you call me
who called me from this number
can someone else collect my repair from the store
could my son pick up the parcel for me
can somebody else sign for the delivery on my behalf
can my partner collect the tickets at the desk
can a member of my family use my card
could a person living abroad open an account
can one of my children have a card
I'd like my husband to be able to see my statements
I need my employer to confirm my salary
can my landlord see my bank details
)";
}

}  // namespace tandem::nlu
