// Routine banking and payment messages, machines and bots in their ordinary
// senses, and "I don't need a person"; none asks for a person.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view routine_banking_lines() {
  return R"(does the account holder need to be present
how do you protect personal information
update my personal details
change my personal information
is personal finance advice available
can I change my name
my name is spelled wrong
are you a robot
what's your name
you are very helpful
that helped, thanks
thank you so much
thanks a lot
great, that's all
hello
hi there
good morning
hey
when will I get my money back
how do I change my payment date
what are your fees
is there a late fee
why was my payment declined
my card was declined
how do I pay off early
can I pay off my balance early
how do I close my account
I can't log in
forgot my password
reset my password
how do I update my address
change my email
what is my spending limit
increase my limit
when is my next payment due
what's the due date
has my payment gone through
did my payment go through
I was charged twice
I want to dispute a charge
there's a charge I don't recognise
I want to make a complaint
I'm not happy with the service
I'm struggling to pay
I lost my job and can't pay
my card was stolen
I think this is fraud
what are your opening hours
when is support open
what shops accept you
how does it work
do you charge interest
do you do a credit check
what's the minimum age
which cards do you accept
can I use a prepaid card
can I pay by bank transfer
can I split the payment between two cards
which countries do you operate in
what happens if I miss a payment
what's your email address
where can I see my statements
is there a mobile app
can I change the language
do you have business accounts
are there any promotions
where do I send a letter
what's your postal address
what's the support email
can I email you documents
how do I upload a document
do I need to be a resident
can tourists use the service
never mind, I found it
tell me about the fees
what is this charge
is this conversation recorded
is support available at weekends
what's the status of my case
my case number is 12345
it's jane@example.com
my email is sam@example.org
it was 45 dollars
card ending 4242
yes
no
ok
maybe
I don't know
I don't have it
not sure
what?
that didn't help
this isn't what I asked
wrong answer
you didn't answer my question
that's not right
why is this so complicated
this is so frustrating
I'm really annoyed with the app
terrible service
your app keeps crashing
the website is down
the page won't load
I can't find the pay button
where do I click to pay
how do I download my invoice
can I get a receipt
I need an invoice for my company
can a company pay the invoice
does my employer get a copy
will it affect my credit score
my identity was stolen
how do I report a scam
how do I know the caller is really from you
the cash machine kept my card
the cash machine didn't give me my money but my account was debited
my card was eaten by the machine at the station
which machines let me withdraw for free
can I use any cash machine abroad
is there a fee at other banks' cash machines
how much can I take out from an ATM per day
the ATM charged me a fee
can I change my PIN at a cash machine
the machine said insufficient funds but I have money
I withdrew cash but the machine gave me nothing
the card reader at the till didn't work
the washing machine I bought is leaking
the washing machine is making a loud noise
do you install washing machines
the ice machine on my floor is broken
the coffee machine in the lobby is empty
the vending machine ate my coins
the ticket machine was broken so I couldn't pay
the slot machine at the casino took my card
the sewing machine needle broke
do you sell replacement parts for the bread machine
the fax machine number on your site is wrong
is my statement machine readable
is the fraud check done by a machine
does a machine decide if my loan is approved
how does your automated fraud detection work
why did the automated system freeze my card
the automatic payment didn't go out
the automatic top up failed
I set up an automatic transfer but it didn't run
can I turn off automatic renewal
I keep getting automated texts from you
how do I stop robocalls
my account was flagged as a bot
your site keeps asking me to prove I'm not a robot
the captcha won't load
I can't get past the I'm not a robot check
bots bought all the tickets before me
can I use the chatbot on WhatsApp
does your bot work in Telegram
is there a Facebook Messenger bot
can the bot check my balance
are you a chatbot
is this an automated service
are you ChatGPT
what is your name
how do you work
do you use artificial intelligence
are my chats with you private
is the robot mop compatible with my app
does the bank offer automated investing
you don't have to transfer me
please don't escalate this, it's resolved
I don't need a callback
don't ring me, text me
do I have to visit a branch
can you send a reference to my employer's HR department
are you hiring
tell me more about the interest rate
explain my statement to me
can you reply in German
do you have an email address
what is your postal address
where can I send a complaint letter
where is your head office
is there a branch near me
which stores are open on Sunday
what are your opening times over Christmas
is support available at night
how long does a complaint take to resolve
when will my dispute be decided
what's the reference for my complaint
my complaint reference is CMP-20391
my account number ends in 1234
my email is alex@example.com
it was on Monday
about 120 pounds
I paid 89.99
my name is Chris Taylor
yes that's right
no that's wrong
sure
okay thanks
thanks
thank you
cheers
bye
goodbye
good evening
hi, I have a question
hello, can you help me
I need help
can you help
I have a problem
something is wrong with my account
my app is broken
the app won't open
the app is useless
your website is useless
your website is terrible
this process is so confusing
this form is stupid
the new app design is awful
I'm annoyed with the delay
I'm angry about the charge
I'm disappointed with the product
I'm still confused about the fees, can you explain them again
I still don't understand the charge, what is it for
I'm still not sure how to pay, can you show me the steps
sorry, I don't understand, what does that mean
what do you mean by pending
can you explain that more simply
could you say that again
can you give me more detail
that helped, thank you
perfect, that's what I needed
that's great, thanks
it worked, thanks
brilliant, all sorted
I need to change my address
how do I change my PIN
my card has expired
my card isn't working
my contactless isn't working
my card was declined at the shop
why is my payment pending
my transfer hasn't arrived
how long do transfers take
can I cancel a transfer
I want to cancel a direct debit
how do I check my balance
where can I see my transactions
I don't recognise a transaction
there's a fee I don't understand
why was I charged interest
what's my overdraft limit
can I increase my overdraft
can I get a loan
what are your loan rates
I want to pay off my loan
can I make an extra payment
can I change my payment date
I missed a payment
I can't afford my repayments
I lost my job and need help with payments
I'm in financial difficulty
I lost my wallet
I think my account was hacked
I forgot my login details
I'm locked out of my account
how do I reset my passcode
how do I verify my identity
why was my account closed
I want to close my account
how do I open a business account
can I get a statement
how do I download my statement
I need a bank letter
what's my IBAN
what's the SWIFT code
are there fees abroad
can I use my card in the US
I'm going on holiday, do I need to tell you
my salary is late
can I get paid early
how do I top up
my top up didn't work
can I top up with cash
can I get an extra bed
I didn't get my deposit back
can I pay with Klarna
do you accept American Express
how do I check my loyalty points
why is my bill more this month
my internet keeps dropping
can I get a PAC code
can I upgrade early
how do I block a number
is this a human or a computer answering
am I speaking to a real human or a bot
is this an actual person typing
find me a person to fix my boiler
I need a plumber
recommend a good accountant
my transfer failed
the transfer didn't go through
transfer declined
a transfer is pending
transfers keep failing
the money I transferred hasn't arrived
my top up was declined
I couldn't withdraw cash
I couldn't pay at the shop
I can't complete the payment
the payment keeps failing
the app won't let me transfer
I keep getting an error message
error message when I log in
the app says something went wrong
the page shows an error
can I get a card if I live abroad
can I get support for my business account in French
should I contact my bank about this charge
do I need an appointment at the branch
do I need to bring anything to the branch
can I book an appointment at the branch online
how do I book an appointment with a mortgage advisor online
is there an online form instead of calling
what are the ways to reach customer support
is there a live chat on the website
where's the contact form
how do I write to the complaints team
what address do I write to
I'd like some advice on saving
give me some tips on budgeting
what's popular right now
tell me a joke
tell me something interesting
what's the time
what day is it today
I was charged after cancelling
my bill has a charge I don't understand
)";
}

}  // namespace tandem::nlu
