// Routine hotel, retail and telecom messages, and complaints about things
// other than the bot ("the app is useless"); none asks for a person.
#include "nlu/person_request_phrasings.h"

namespace tandem::nlu {

std::string_view routine_sector_lines() {
  return R"(what personal data do you keep
how does one get a refund
where is my refund
track my order
where is my parcel
my package hasn't arrived
change my phone number
can I use you in store
do you accept gift cards
do you have a phone number
I want to ask about my order
my order number is LP-482913
my phone number is 07700 900123
the order was last Friday
the ATM is out of order at my branch
the payment terminal in the restaurant rejected my card
the self service machine at the hotel won't print my key
the key card machine isn't working
can I get a refund on a washing machine
when will my washing machine be delivered
is there a laundry machine in the hotel
is the parking machine card only
can I pay through a card machine over the phone
is the booking confirmation automated
I got an automated email about my order
the automated message said my parcel was delayed
are you stopping bots from buying stock
can the bot cancel my order
can you handle a booking change
the robot vacuum I ordered doesn't connect to wifi
the kids robot kit is missing batteries
can I return a robot toy
do you have robot cleaners in stock
everyone says your delivery is slow
how do I apply for a job at the hotel
walk me through the return process
what is the hotel's phone number
is there a free phone number
what are your phone lines opening hours
how long is the queue on the phone
where is the hotel
how do I get to the hotel from the station
what time does the store open
my booking reference is HTL-55812
my order number is 7719024
my phone is 07700 900456
the checkout is broken
I'm frustrated with my delivery
I'm unhappy with my room
I want to order a new card
I want to set up a standing order
what exchange rate do you use
I want to book a room
do you have rooms available next weekend
how much is a double room
can I cancel my hotel booking
can I get a refund for my booking
can I change the dates of my stay
can I add breakfast to my booking
what time is check in
can I check in early
can I leave my bags after checkout
is there free parking
do you have a gym
is the spa open
is wifi included
are pets allowed
my room is too noisy
the air conditioning in my room doesn't work
there's no hot water in my room
the room wasn't clean when I arrived
I left something in my room
I was overcharged for my stay
where is my order
when will my order arrive
my order is late
my order is missing an item
I got the wrong item
my item is damaged
how do I return something
can I exchange my order
how long do returns take
my refund hasn't arrived
can I cancel my order
can I change my delivery address
how much is shipping
do you deliver to Ireland
is next day delivery available
can I pick up in store
is this item in stock
when is the sale
do you have this in a larger size
my promo code isn't working
can I use a voucher online
how do I use my gift card
my gift card balance is wrong
my phone bill is too high
how do I pay my phone bill
my broadband is down
I have no signal
voicemail isn't working
how do I switch my number to a new SIM
when does my contract end
how much is roaming
my data runs out too quickly
can I add more data
should I tell the hotel I'll be late
how do I contact the hotel
how do I get in touch with the store
any suggestions for a gift
what's the weather like at the hotel
how far is the hotel from the beach
what is there to do near the hotel
is there a restaurant in the hotel
can I bring my dog
can I smoke in the room
is the hotel family friendly
is there a cot for the baby
can my kids stay for free
is there a lift in the hotel
I need a quiet room
can I get a room with a view
I'll be arriving after midnight
my flight is delayed, will my room be kept
the lift in the hotel is broken
the TV in my room doesn't work
the safe in my room is locked
my key card stopped working
I want to extend my stay
can I pay for my room at the hotel
the price online was cheaper than at the hotel
can I change the delivery slot
the parcel was left outside
my parcel was delivered to the wrong address
the box was empty
I ordered two but got one
the colour is different from the picture
the shoes are too small
can I return an item bought in the sale
can I return without a receipt
how long do I have to return something
do I have to pay for returns
where is my nearest drop off point
my return hasn't been processed
I was refunded the wrong amount
how do I claim on my warranty
my laptop won't turn on
my order says dispatched but nothing has happened
my subscription renewed without warning
cancel my subscription before it renews
my roaming bill is huge
my SIM was swapped without my permission
I'm moving house, can I take my broadband
my router lights are flashing red
the engineer appointment was missed
how do I reset my router
I'd like a faster broadband package
the app is so useless
this card is useless abroad
useless delivery service
the tracking page is useless
what a useless website
your booking system is useless
the new update is useless
this voucher is useless
the hotel wifi is useless
my phone signal is useless here
the instructions are useless
this process is stupid
this fee is stupid
stupid app keeps logging me out
the website is rubbish
the room was rubbish
the delivery was terrible
your prices are a joke
the queue at the branch is a joke
this is ridiculous, why is my card blocked again
why is this so complicated to cancel
so complicated, why can't I change my address
why is everything so difficult with this app
it's so frustrating that the payment failed
this is so annoying, my parcel is late again
ugh, the app crashed again
argh, wrong password again
what a mess with my order
honestly the worst delivery ever
the worst hotel stay I've had
)";
}

}  // namespace tandem::nlu
