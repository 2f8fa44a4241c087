// Messages that ask for something other than a person, in the forms requests
// for a person take ("please ...", "I want ...", "help me ...", "transfer ...",
// "connect me ...", "call me ..."): without them the polite and imperative
// words themselves would read as asking for a person.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view other_request_lines() {
  return R"(please transfer 50 pounds to my savings
please advise
please advise what I should do
kindly advise on the next steps
can you advise me on the fees
advise me which account suits me
please help, what do I do now
please sort this out for me
can you look into this please
I want to transfer money to my other account
transfer 200 from my current account to savings please
can you transfer my balance to a new card
please move money from savings to checking
I'd like to transfer funds abroad
transfer my points to my partner's account
help me transfer money to my landlord
I need to transfer money urgently, how do I do it
my transfer is stuck, please help
the transfer failed, please tell me why
please help me with my transfer
why can't I transfer money
can you transfer my booking to another date
please transfer my reservation to next week
I want to transfer my phone number to a new SIM
transfer my contract to my new address
please connect my bank account to the app
connect my card to Apple Pay
can you connect my loyalty card to my account
I want to connect my PayPal
connect me to the wifi
how do I connect to the hotel wifi
please link my accounts
put me on the waiting list
put my order on hold please
put the payment on hold
put a stop on my card please
please put a block on gambling transactions
put me down for the newsletter
put my name on the booking
put a note on my account that I'm moving
please set a reminder for my payment date
please send me a reminder before my bill is due
set up alerts for large payments please
please send me my statement
please send me a copy of my invoice
please email me my booking confirmation
please resend my receipt
send me the returns label please
please send the card to my new address
please give me my account balance
please tell me my balance
tell me my last five transactions
show me my recent payments
give me a breakdown of my bill
give me the tracking number please
please show me the return policy
please explain the fees to me
please explain what this charge is
explain the interest on my statement please
please tell me the exchange rate
tell me the opening hours please
please tell me the check in time
tell me how to cancel please
please tell me how to reset my PIN
please help me reset my password
please help me log in
help me find my order
help me find a hotel room for Friday
help me choose a phone plan
help me pick a size
help me understand my bill
help me understand these charges
help me activate my card
help me set up direct debit
help me with my refund please
please help me, my card isn't working
please help, I can't pay
help me please, my account is locked
I need help resetting my PIN
I need help with a payment
I need help changing my booking
I need some help with my order please
I need assistance with my card
I need assistance with a refund
can you assist me with a return
could you assist me with my booking
assist me with activating my card please
can someone tell me how to activate my card
can someone explain how the fees work
can someone tell me why my transfer failed
could somebody tell me when my card will arrive
can anyone tell me the opening hours
does anybody know how to change the PIN
can someone help me understand my statement
I want to cancel my order
I want to change my delivery date
I want a refund
I want a new card
I want a receipt
I want a bigger room
I want to upgrade my plan
I want to book a table for two
I want to know my balance
I want to know why I was charged
I want to get a loan
I'd like to open an account
I'd like to order a replacement card
I'd like to change my PIN
I'd like to book a double room for two nights
I'd like to return these shoes
I'd like a copy of my contract
I'd like to add a payee
I'd like to increase my limit
I would like to cancel my subscription
I would like to make a payment
I would like to update my details
I would like to know more about savings accounts
I would like a refund for my stay
could I get a refund please
could I get a receipt for my stay
could I have a late checkout
could I have extra towels
could I change my room
could I pay by bank transfer
can I get a new card sent
can I get a discount
can I get an invoice
can I have my money back
can I speak French with you
please reply in French
can you answer in Spanish
talk to me in German please
please speak English
can we continue in Italian
switch to Polish please
please use simpler words
please answer shorter
please repeat that
say that again please
can you repeat the last answer
sorry, I didn't catch that
what did you say
please go back
start again please
let's start over
cancel that
never mind
forget it
stop
please stop sending me emails
stop sending me texts
unsubscribe me please
please call me by my first name
call me Sam
you can call me Jo
my name is Priya, not Pri
call my phone so I can find it
call the number on my account
can you call a taxi for me
please book me a taxi to the airport
get me a taxi
book a restaurant near the hotel
find me a hotel in Paris
find me a cheaper flight
get me a quote for insurance
get me a new phone
get me my tracking number
get me the returns form
let me know when my parcel ships
let me know when it's back in stock
let me know when my refund arrives
let me see my statement
let me pay my bill
let me change my address
let me cancel my booking
let me try again
let me think about it
let me check and come back to you
give me a minute
hold on a second
wait, I have another question
one more question
another question please
I have a different question
I have another problem with my card
something else: how do I change my PIN
also, when is my payment due
and what about the fees
what else can you do
what other services do you offer
do you have other rooms available
is there another way to pay
is there a different size
can I use a different card
can I pay with another card
can I ship to a different address
can I change to a different plan
I need a different room
I'd like another colour
please give me something else to try
I need a replacement
I want a replacement item
please replace my card
replace my broken phone
I want to escalate my complaint about a late refund, what's the process
how do I escalate a complaint
what's the complaints process
how can I make a formal complaint
where do I send a complaint
I want to leave a review
I want to give feedback
how do I rate my stay
please log my complaint
please log me out
log me in please
sign me up for the loyalty scheme
register my new card
activate my card please
freeze my card now
unblock my card please
block my card, it was stolen
cancel my card please
close my account please
pause my subscription
renew my contract
extend my booking by one night
add breakfast please
add a bed to my room please
add my partner to the booking
remove my old address
delete my account
delete my saved card
update my email to the new one
change the name on my card
change my plan to unlimited data
top up my phone please
top up 20 pounds
pay my bill now
pay off my credit card
make a payment of 100 pounds
refund me please
I'd like my deposit back
please process my return
please check my order status
check my booking for tomorrow
check if my payment went through
check my data balance please
look up my order please
look into my missing refund please
please look at my last bill, it's wrong
please investigate this charge
can you investigate a transaction for me
I need you to check something for me
can you check something on my account
could you look into this for me
can you sort this out for me
can you fix this
please fix my account
fix my bill please
I need this fixed today
I need my card unblocked now
it's urgent, my card is blocked
urgent: my payment failed
emergency, my card was stolen abroad
help, my account is empty
help, I've been scammed
help! someone took money from my account
I need urgent help with a fraud
quick question about fees
quick one, when do you open
just a question about my order
just tell me the balance
just give me the tracking link
just cancel it
just refund me
I don't understand why my card was declined
I don't understand this charge on my statement
I don't understand why my transfer is pending
I don't understand why I was charged a fee
I don't understand how the exchange rate works
I don't understand my bill this month
I don't understand where this payment came from
I do not understand why my account is frozen
I don't get why my refund is so small
I can't understand why the payment failed
I don't recognise this payment
I don't recognise a withdrawal on my account
I do not recognise this direct debit
I don't remember my PIN
I don't remember setting up this payment
I don't know my account number
I don't have my card with me
I don't have a receipt
I don't think my top up worked
I don't think my transfer went through
I don't see my refund yet
I don't see the money in my account
I could not withdraw money at the cash machine
I could not pay at the supermarket
I could not log in this morning
I couldn't verify my identity
I can not find my statement
I cannot see my top up
I can't find the refund in my account
I can't get my card to work in shops
I am not able to verify my account
I'm not able to add a payee
I'm not sure my payment went through
I'm not sure which card to use
I'm not in the UK, can I still open an account
I'm not getting my verification code
I'm not receiving texts from you
I'm not happy with the exchange rate
I won't be home for the delivery
I won't be able to pay this month
it won't let me transfer money
the app won't accept my card
the machine won't take my card
my card doesn't work abroad
my payment didn't go through
my refund hasn't shown up
the transfer isn't showing
my account isn't verified yet
the top up never arrived
I never received my card
I never got a confirmation email
nothing happened when I pressed pay
none of my cards work
neither of my cards is accepted
without a receipt can I still return it
can I pay without a card
I don't want this order any more, cancel it
I don't want the extended warranty
I don't want to be charged for delivery
I don't want to renew my contract
I don't want paper statements
I don't want marketing emails
I'm not verifying my identity again, I did it yesterday
I'm not paying this fee
I refuse to pay this charge
I won't pay for a broken item
don't send me a new card yet
don't cancel my booking
don't charge my card until it ships
connect to my phone
connect my phone to the car
please connect with my laptop
pair with my watch
sync my calendar
play some music
play the next song
tell me a fun fact
give me some trivia
convert 20 euros to pounds
convert miles to kilometres
what's 15 percent of 80
who is your boss
who is your manager
who made you
who are your creators
where are you based
what are your hobbies
do you have any pets
I've got to go now
I have to run
bye for now
see you later
text my sister I'm running late
message John that I'm on my way
send a text to my mum
call John
ring Sarah
call the last number
dial my voicemail
video call my dad
call an ambulance
I need a doctor
I need a lawyer
where can I find a notary
find me an electrician near me
find a dentist open today
book a haircut for Saturday
reserve a table for four tonight
rent a car for the weekend
book a flight to Rome
I need a taxi to the airport
take me home
I'd feel better if the fee were waived
it would be better if the app showed my pending payments
I'd be happier with a lower interest rate
would love to know your opening hours
I wish to be charged in euros
I'd feel more comfortable with two-factor login turned on
it would put my mind at rest to get an email confirmation
I'd rather pay by bank transfer
I'd love to upgrade my room
I'd appreciate a receipt for this payment
could you sort my transactions by date
can you take a look at my last order status
please chase my refund
could you confirm my booking by email
can you reset my card pin
only the account holder can do this?
who else can use my account
who else has access to my card
I need one more card for my partner
can I order one more of these
who is in charge of data protection at your company
what time does the night shift start at the warehouse
what's the word for a chargeback in spanish
you can call me Sam
I asked for a refund last week and nothing happened
I said I want a receipt
I told you my address already
I already asked for a new card
my router has been down all week
my card was charged twice
my flight got cancelled, what are my options
a member of staff already sorted this, thanks
can a person with a foreign passport open an account
can a staff member's discount be used online
can my colleague log in with my details
can an employee of a company open a business account
the manager on duty was very helpful yesterday
get me a taxi to the airport
i want a new card now
i need an alarm for 7am
i need a new card my old one expired
get me a refund my order never came
need a receipt my employer wants one
i want a refund the item was broken
i would like a second card
i would like to get a new pin
i need a transfer to go through today
could you check this transaction for me
could you please cancel the order for me
can you look into my pending payment please
could you tell me why the charge was made
can you connect to my bluetooth speaker
could you speak more slowly
please only use my first name
are you an actual person or a program
can you tell me whether you are a real person
am I talking to a live person right now?
i need someone to fix my car
i need a plumber to look at my boiler
please double check my order for me
i need to get my card replaced
i want an upgrade to premium
i want a cab to the station
i would like a taxi please
please call my mum
call dave for me
would you play the next song
would you turn the volume down
could you pair with my headphones
could you repeat that more slowly
would i need a passport to travel there
would it take long to get there by train
i need a table for two at 7
i need a hotel room booked for friday
i'd like to learn more about your savings accounts
would you say you are a computer
who are you employed by
are you a person or an ai
can you put the lights on
would you mind checking my balance
could you please stop the timer
i need a mechanic to look at my car
)";
}

}  // namespace tandem::nlu
