/**
 * What Attune listens for in the customer's message: word lists and phrase patterns, kept apart from
 * the code that uses them so they can be read and changed as data. Patterns are matched on the
 * lower-cased message (look-alike apostrophes already straightened), with word boundaries added.
 */

/** Words that put a feeling more strongly ("really frustrated", "completely useless"). */
export const INTENSIFIERS = ['very', 'so', 'really', 'extremely', 'absolutely', 'completely', 'totally', 'incredibly', 'utterly', 'beyond', 'seriously', 'truly', 'deeply', 'super', 'fucking', 'bloody', 'freaking', 'beyond'];

/** All-capital words that are names, not shouting. */
export const NOT_SHOUTING = ['API', 'URL', 'PDF', 'CSV', 'USB', 'VPN', 'SMS', 'FAQ', 'CEO', 'USA', 'UK', 'EU', 'EUR', 'USD', 'GBP', 'ETA', 'ASAP', 'HTTP', 'HTTPS', 'SSL', 'DNS', 'IOS', 'APP', 'TV', 'PC', 'ID', 'DM', 'PM', 'AM', 'UPS', 'DHL', 'USPS', 'FEDEX', 'NYC', 'LAX', 'JFK', 'LHR', 'WIFI', 'HDMI', 'SIM', 'PIN', 'OTP', 'ATM', 'IBAN', 'VAT', 'RSVP', 'OK', 'BBC', 'NHS', 'LOL', 'OMG', 'AND', 'THE'];

/** Saying they have been here before: a third message, still waiting, nobody answered. */
export const REPEAT_CONTACT = [
  '(second|third|fourth|fifth|sixth|\\d+(st|nd|rd|th)) (time|email|message|call|attempt|request)',
  '(\\d+|two|three|four|five|six|several|many|multiple|countless|numerous) (times|emails|messages|calls|attempts|requests|chats)( now| already| in| this| so far)?',
  'still (not|no|nothing|waiting|haven\'t|hasn\'t|have not|has not|can\'t|cannot|doesn\'t|isn\'t|won\'t|didn\'t|missing|broken|charging|being charged|unresolved|hasn\'t been)',
  '(writing|emailing|contacting|asking|calling|messaging|chasing|complaining|reaching out|happened|happening|broke|broken|failed|charged|down|crashed|late|missing)( to you| you| this| it)? (again|once more)',
  'once again', 'yet again', 'again and again', 'over and over',
  '(nobody|no one|noone|no-one)( has| ever)? (replied|responded|answered|helped|got back|gets back|called|emailed|replies|responds|answers)',
  'no (reply|response|answer|update|updates)( yet| at all| since| from you| from your (team|side|company))', 'no one replied',
  '(never|haven\'t|hasn\'t|didn\'t|have not|has not|did not) (heard back|got a reply|gotten a reply|received a reply|received a response|had a reply|had a response|got an answer|received an answer)',
  'chased', 'chasing', 'follow(ing)? up (on|again)', 'been waiting', 'waited (for )?(\\d+|two|three|four|five|several|many) (days|weeks|hours|months)',
  'for (days|weeks|months|ages|over a week|over a month)', 'still waiting', 'i keep (asking|emailing|calling|writing|chasing)',
  'already (asked|told|explained|emailed|called|contacted|sent|written)', 'as i said before', 'last time i',
];

/** Repeat contact that is about waiting on the company (where thanking them for their patience fits), not a problem that persists. */
export const WAITED = ['time', 'times', 'email', 'emails', 'message', 'messages', 'call', 'calls', 'attempt', 'request', 'chased', 'chasing', 'chase', 'waiting', 'waited', 'heard back', 'repl\\p{L}*', 'respon\\p{L}*', 'answer\\p{L}*', 'weeks', 'days', 'months', 'ages', 'follow\\p{L}*',
  'arrived', 'delivered', 'received', 'here', 'refunded', 'update', 'got back', 'asked', 'told', 'written', 'contacted'];

/** Waiting for them to act: where thanking them for their patience fits (besides repeat contact). */
export const WAITING = ['waiting', 'waited', 'wait', 'been days', 'been weeks', 'taking (so|too) long', 'took (so|too) long', 'delayed', 'delay', 'on hold', 'still'];

/** Questions that are not asking for an answer ("Are you kidding me?"). */
export const RHETORICAL = [
  'are you (kidding|serious|joking)', 'is this a joke', '^seriously', '^really', '^how\'s about', 'what the (hell|heck|fuck)', 'wtf', 'how hard (can|is) it', 'how (is|was) that (ok|okay|acceptable|fair)',
  'what is wrong with (you|your)', 'what\'s wrong with (you|your)', 'who does that', 'why me', 'is anyone (there|listening|reading)', 'does anyone (care|read)', 'do you (even|people) care',
  'are you (people|guys) (serious|kidding)', '^how about', '^what about', '^why not', '^wouldn\'t it be', 'how (is|was) this (possible|allowed|legal)', 'really\\?',
];

/** How a request starts (at a sentence start, or after a comma or "and"/"but"/"so"). */
export const REQUEST_OPENERS = [
  'can you', 'could you', 'would you', 'will you', 'can u', 'could u', 'can someone', 'could someone', 'can anyone', 'please', 'pls', 'plz', 'kindly',
  'i want', 'i would like', 'i\'d like', 'i\'d prefer', 'i would prefer', 'i prefer', 'i need', 'i\'m asking for', 'i am asking for', 'i expect', 'i demand', 'i request',
  'could i', 'can i', 'may i', 'is it possible', 'let me know', 'tell me', 'i\'d appreciate', 'i would appreciate', 'help me',
];

/** Sentences that open like a request but aren't one ("Please note I ordered two", "I need to say…"). */
export const NOT_REQUESTS = ['please note', 'please be aware', 'please understand', 'i need to (say|mention|point out|add)', 'i want to (say|thank|mention|add|point out)', 'i would like to (say|thank|add|mention)', 'i\'d like to (say|thank|add|mention)', 'please help(!|$)'];

/** Words that carry no topic of their own: left out when deciding whether the reply addressed an ask. */
export const STOPWORDS = ('a an the and or but if so to of in on for with at by from about up out into over as than then there here this that these those it its it\'s ' +
  'i me my mine i\'m i\'ve i\'d i\'ll we us our you your yours you\'re u ur they them their he she his her him is are was were be been being am ' +
  'do does did doing done have has had having can could would will shall should may might must not no yes ' +
  'what when where why how which who whom whose whether any some anyone someone anything something everything nothing ' +
  'just still again already also even only very really so too more most much many lot lots please pls plz thanks thank hi hello hey ' +
  'get got getting know tell told want wanted need needed like help let make made go going gone come came see look looking ' +
  'ok okay guys now yet back soon one ones way well sure able possible happen happened while another other prefer rather before after then instead either')
  .split(' ');

/**
 * Nouns too general to show the reply picked up the topic on their own ("order", "account"):
 * they count half when deciding whether an ask was addressed.
 */
export const GENERIC_NOUNS = ['order', 'account', 'item', 'product', 'issue', 'problem', 'thing', 'things', 'service', 'app', 'time', 'day', 'days', 'week', 'weeks', 'company', 'team', 'support', 'customer', 'email', 'message', 'info', 'information', 'details', 'update', 'question'];

/** Words that say the same thing in a reply ("refund" answered by "your money back"). Stems, by group. */
export const SAME_TOPIC = [
  ['refun', 'money', 'reimb', 'credi', 'charg', 'payba', 'repay'],
  ['arriv', 'deliv', 'ship', 'shipp', 'dispa', 'track', 'parce', 'packa', 'couri', 'post', 'posta', 'sent', 'send', 'eta'],
  ['cance', 'unsub', 'close', 'termi'],
  ['repla', 'excha', 'swap', 'new'],
  ['charg', 'bill', 'billi', 'payme', 'pay', 'paid', 'debit', 'invoi', 'fee', 'fees'],
  ['passw', 'login', 'log', 'acces', 'signi', 'sign', 'locke', 'unloc'],
  ['fix', 'fixed', 'repai', 'resol', 'sorte', 'worki'],
  ['retur', 'send', 'label'],
  ['when', 'long', 'date'],
];

/** Phrases in a reply that say the agent is finding out (they answer an ask for now, when no ask was answered by topic). */
export const FINDING_OUT = [
  'look into', 'looking into', 'check (on|with|this|that|it|into)', 'checking (on|with|this|that|it|into)', 'find out', 'investigat\\p{L}*', 'get back to you', 'dm', 'direct message', 'private message',
  'send (us|me) (a|an|your)', 'follow(ing)? up', 'escalat\\p{L}*', 'passed (this|it) (on|to)', 'raised (this|it)', 'reach out to (us|me)', 'contact (us|me)', 'let (us|me) know',
  // An honest "I can't say yet" answers too.
  '(don\'t|do not) have (that |this |any |an |the )?(information|info|update|details|timeframe|eta)', 'no (information|update|timeframe|eta) (on|about|yet|at)', '(can\'t|cannot|not able to|unable to) (say|share|confirm|comment|give)',
  // …and so does a plain "not possible" or "not at this stage".
  'not at (this|the) (stage|time|moment)', '(sadly|unfortunately) not', '(isn\'t|is not|not) (possible|supported|available)', 'not (currently|yet) (possible|supported|available)',
  'could you (send|share|confirm|tell|provide|let)', 'can you (send|share|confirm|tell|provide|let)', 'please (send|share|confirm|provide)',
];

/** Words that answer "where is my order/parcel" (its whereabouts or progress). */
export const WHEREABOUTS_ANSWER = ['on (its|the) way', 'with the (courier|carrier|driver)', 'shipped', 'dispatched', 'tracking', 'delivered', 'warehouse', 'depot', 'arriv(e|es|ed|ing)', 'out for delivery', 'in transit', 'left (our|the)', 'held at', 'customs', 'returned to', 'lost', 'located', 'found it', 'delayed'];

/** Words that answer "how do I…": the steps ("go to Settings > Billing", "tap", "click"). */
export const HOW_ANSWER = ['go to', 'head to', 'click', 'tap', 'select', 'open', 'choose', 'settings', 'menu', 'step', 'steps', 'follow', 'you can', 'you\'ll need to', 'you will need to', 'first', 'then'];

/** Words after "please" that show it isn't asking for anything ("so please none of these excuses"). */
export const NOT_AFTER_PLEASE = ['non', 'none', 'no', 'not', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'my', 'your', 'for', 'and', 'thank', 'thanks', 'note', 'understand', 'be'];

/** Time words that answer "when" and "how long". */
export const TIME_ANSWER = ['today', 'tomorrow', 'tonight', 'within', 'hours?', 'days?', 'weeks?', 'minutes?', 'by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end|next|tomorrow)', 'next (week|month|monday|tuesday|wednesday|thursday|friday)', 'on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'this (week|afternoon|evening|morning)', 'soon', 'shortly', 'asap', 'right away'];

/** Day and month names, and relative days, for dates and deadlines. */
export const DATE_WORDS = {
  weekdays: 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun',
  months: 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  relative: ['today', 'tomorrow', 'tonight', 'this weekend', 'next week', 'next month', 'this week', 'end of (the )?(day|week|month)', 'in (\\d+|two|three|a few) (days|weeks|hours)', 'yesterday', 'last (week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'],
};

/** What makes a date a deadline: "by Friday", "before the 12th", "in time for my flight". */
export const DEADLINE_CUES = ['by', 'before', 'until', 'till', 'no later than', 'in time for', 'need (it|them|this) (by|for|before)', 'deadline', 'at the latest', 'latest'];

/** Events that put a date on it for the customer ("my wedding on Saturday"). */
export const EVENTS = ['wedding', 'birthday', 'flight', 'trip', 'holiday', 'vacation', 'funeral', 'interview', 'exam', 'move', 'moving', 'party', 'event', 'conference', 'appointment', 'surgery', 'christmas', 'anniversary', 'deadline', 'launch', 'meeting', 'travel', 'travelling', 'traveling'];

/** Things people buy or use, as head nouns ("my new laptop", "the blue jacket"). */
export const PRODUCTS = ('phone laptop tablet charger cable headphones earbuds headset speaker watch camera printer router modem tv television monitor keyboard mouse console controller ' +
  'jacket coat suit skirt socks gloves hat scarf shirt dress shoes boots trainers sneakers jeans trousers sweater hoodie bag backpack wallet ring necklace glasses ' +
  'sofa couch chair table desk bed mattress lamp fridge freezer oven microwave dishwasher washer dryer kettle toaster blender vacuum hoover heater boiler ' +
  'bike bicycle scooter car tyre tire battery subscription membership plan licence license giftcard gift card voucher software game book books bundle').split(' ');

/** Remedies customers choose between ("a refund or a replacement"). */
export const OPTIONS = ['refund', 'partial refund', 'full refund', 'replacement', 'exchange', 'repair', 'credit', 'store credit', 'voucher', 'gift card', 'discount', 'return', 'cancellation', 'new one', 'swap', 'upgrade', 'downgrade', 'collection', 'pickup', 'pick-up', 'redelivery', 'call', 'call back', 'callback', 'email', 'chat', 'engineer', 'technician', 'visit', 'cash', 'money back', 'compensation'];

/** Words that make an identifier an order, and those that make it a ticket. */
export const ORDER_WORDS = ['order', 'order number', 'order no', 'order id', 'purchase', 'booking', 'reservation', 'confirmation', 'invoice', 'tracking', 'tracking number', 'parcel', 'package', 'shipment', 'item'];
export const TICKET_WORDS = ['ticket', 'case', 'reference', 'ref', 'incident', 'complaint', 'claim', 'request'];

/** Messages that are thanks or praise, not an unclear request. */
export const THANKS_OR_PRAISE = ['thank', 'thanks', 'thx', 'ty', 'cheers', 'love', 'great', 'awesome', 'amazing', 'brilliant', 'perfect', 'appreciate', 'well done', 'good job', 'nice', 'excellent', 'fantastic', 'happy', 'glad', 'resolved', 'sorted', 'all good', 'never mind', 'nevermind', 'fixed'];
