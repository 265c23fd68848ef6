#include "generate/text_templates.h"

#include <fmt/format.h>

#include "generate/rng.h"

namespace nanni {

namespace {

using SV = std::string_view;

// --- Requests, by topic -------------------------------------------------------------------
// Subject i goes with body i.

constexpr SV kExportSubject[] = {"Nightly export failed again", "Export file is missing rows",
                                 "CSV export times out", "Scheduled export not arriving"};
constexpr SV kExportBody[] = {
    "{hi} the nightly export failed again and our {dept} team is blocked. Can you look at it "
    "today?",
    "The export we ran this morning is missing about {n} rows compared to the dashboard. Which "
    "one is right?",
    "Exporting the {report} report times out after a few minutes. We need it for {day}'s "
    "meeting.",
    "Our scheduled export has not arrived since {day}. Nothing changed on our side.",
};
constexpr SV kLoginSubject[] = {"Users cannot log in", "SSO login loop",
                                "Password reset emails not arriving", "Locked out of my account"};
constexpr SV kLoginBody[] = {
    "{hi} since this morning {n} of our users get an error when they sign in with SSO.",
    "After entering the password the login page just reloads. Cleared the cache, same thing.",
    "Password reset emails never arrive for people in our {dept} team. Please check.",
    "I am locked out after the last update and have a deadline {day}. Can you unlock me?",
};
constexpr SV kBillingSubject[] = {"Wrong number of seats billed",
                                  "Need a copy of last month's invoice",
                                  "PO number missing on invoice", "Charged twice this month"};
constexpr SV kBillingBody[] = {
    "{hi} the latest invoice lists {n} more seats than we actually use. Can you correct it?",
    "Could you send us a copy of last month's invoice? Our {dept} team cannot find it.",
    "Our finance team needs the PO number on the invoice, otherwise they cannot pay it.",
    "We were charged twice for the {feature} add-on this month. Please refund one charge.",
};
constexpr SV kIntegrationSubject[] = {"CRM sync stopped", "Webhook deliveries failing",
                                      "API returns 429 errors", "Integration token expired"};
constexpr SV kIntegrationBody[] = {
    "{hi} the sync with our CRM stopped on {day}; nothing has come through since.",
    "Your webhooks to our endpoint fail with a timeout. Did something change on your side?",
    "We hit rate limits on the API with only {n} calls a minute. Is that expected?",
    "The {feature} integration asks for a new token every few hours. Can that be fixed?",
};
constexpr SV kPerformanceSubject[] = {"Dashboard is very slow", "Search takes forever",
                                      "Pages time out in the afternoon"};
constexpr SV kPerformanceBody[] = {
    "{hi} the dashboard takes almost a minute to load for our {dept} team.",
    "Searching for a customer now takes {n} seconds or more. It used to be instant.",
    "Every afternoon around 3 pm the {feature} pages time out for us.",
};
constexpr SV kReportsSubject[] = {"Custom report request", "Numbers in report look off",
                                  "Scheduled report not sent"};
constexpr SV kReportsBody[] = {
    "{hi} could you help us build a report of {feature} usage by team for our board pack?",
    "The totals in the {report} report do not match our own numbers, off by about {pct}%.",
    "The {report} report was not sent on {day} as scheduled.",
};
constexpr SV kDataSubject[] = {"Import of records failed", "Please delete a former user's data",
                               "Duplicate records after import"};
constexpr SV kDataBody[] = {
    "{hi} our import of {n} records failed halfway with no error message.",
    "A former employee asked us to delete their data. Please confirm when it is done.",
    "After yesterday's import we see duplicates in the {feature} module.",
};
constexpr SV kOnboardingSubject[] = {"Training for new team members", "Adding new users",
                                     "Onboarding session for our {dept} team"};
constexpr SV kOnboardingBody[] = {
    "{hi} we have {n} new people starting in {dept}. Can you run a training session?",
    "Please add {n} users to our workspace; the list is attached.",
    "Could we schedule a walkthrough of the {feature} module for the {dept} team?",
};
constexpr SV kFeatureSubject[] = {"Feature request: bulk edit", "Can we get an audit log?",
                                  "Request: export to PDF"};
constexpr SV kFeatureBody[] = {
    "{hi} our {dept} team would save hours with a bulk edit in {feature}. Is it on the roadmap?",
    "We need an audit log for our compliance review. Is one planned?",
    "Could the {report} report be exported to PDF? We print it every week.",
};
constexpr SV kPermissionsSubject[] = {"Manager cannot see team records", "Role permissions wrong"};
constexpr SV kPermissionsBody[] = {
    "{hi} one of our managers cannot see the records of her own team in {feature}.",
    "After the update, {n} users lost edit rights in {feature}. Please restore them.",
};

constexpr Topic kTopics[] = {
    {"export", "technical", true, TextList::kExportSubject, TextList::kExportBody},
    {"login", "technical", true, TextList::kLoginSubject, TextList::kLoginBody},
    {"billing", "billing", false, TextList::kBillingSubject, TextList::kBillingBody},
    {"integration", "technical", true, TextList::kIntegrationSubject, TextList::kIntegrationBody},
    {"performance", "technical", true, TextList::kPerformanceSubject, TextList::kPerformanceBody},
    {"reports", "general", true, TextList::kReportsSubject, TextList::kReportsBody},
    {"data", "technical", true, TextList::kDataSubject, TextList::kDataBody},
    {"onboarding", "general", false, TextList::kOnboardingSubject, TextList::kOnboardingBody},
    {"feature request", "general", false, TextList::kFeatureSubject, TextList::kFeatureBody},
    {"permissions", "technical", true, TextList::kPermissionsSubject, TextList::kPermissionsBody},
};

// --- Answers and follow-ups -----------------------------------------------------------------

constexpr SV kTechnicalResponse[] = {
    "{hi} thanks for reporting this. We found the cause and a fix is rolling out today.",
    "{hi} I reproduced the problem and passed it to engineering; I will update you as soon as "
    "I hear back.",
    "{hi} this is fixed now. Could you check on your side and let me know?",
    "Thanks for your patience, {first}. The {feature} issue came from a configuration change on "
    "our side, which we have reverted.",
    "{hi} this was a known issue in {feature}; the workaround is in the attached note and the "
    "fix ships next week.",
};
constexpr SV kAdminResponse[] = {
    "{hi} I corrected it and sent a new copy to your finance team.",
    "{hi} done: the {n} users are added and will get their invitations within the hour.",
    "Good question, {first}. You can do this under Settings > {feature}; I attached a short "
    "guide.",
    "{hi} I passed your request to our product team and will let you know what they say.",
    "{hi} I booked the session for {day}; the invitation is on its way.",
};
constexpr SV kChatResponse[] = {
    "Hi {first}, thanks for waiting. Let me check that for you.",
    "Hi {first}, I can see the problem on my side. One moment please.",
    "Thanks {first}, that is sorted now. Anything else I can help with?",
};
constexpr SV kSecondResponse[] = {
    "{hi} sorry it is still happening. I have escalated it to our engineers.",
    "{hi} we found a second cause and deployed another fix this afternoon.",
    "{hi} thanks for the details, that helped. It should work now.",
};
constexpr SV kFollowUpResolved[] = {
    "Thanks, that works now.", "Confirmed, all good on our side.", "Thanks for the quick help!",
    "Perfect, thank you {first}.",
};
constexpr SV kFollowUpStillBroken[] = {
    "Still seeing the same error this morning, unfortunately.",
    "It worked for a day and now it is broken again.",
    "Not fixed for us; {n} users still affected.",
};
constexpr SV kChaser[] = {
    "Any update on this? We are still blocked.",
    "Following up: is anyone looking at this?",
    "Could I get a status on this please? It has been a while.",
};
constexpr SV kMeToo[] = {
    "{hi} adding my voice here: our {dept} team needs this too.",
    "{hi} same here, this is holding up our {dept} team as well. Any news?",
    "{hi} we are waiting on this too. Could you give us a date?",
};
constexpr SV kDemandingAddOn[] = {
    "This is urgent for us.", "Please treat this as a priority.",
    "We need this sorted before {day}.",
};

// --- Planted tones --------------------------------------------------------------------------

constexpr SV kAbusiveSubject[] = {"FIX THIS NOW", "Again??", "Your useless support",
                                  "Broken. Again.", "Pathetic service"};
constexpr SV kAbusiveLine[] = {
    "This is pathetic. Your useless team wastes my time again.",
    "Are you people completely incompetent? Fix this damn thing today.",
    "I have zero patience left for your garbage software and your clueless support.",
    "Do you even read what I write? What a bunch of clowns.",
    "Stop sending me your idiotic canned replies and do your job.",
    "Unbelievable. Every single week the same crap from your so-called experts.",
    "Your support is a joke and frankly so is your product.",
    "Honestly, a child could do better than your pathetic excuse for an engineering team.",
};
constexpr SV kHostileLine[] = {
    "Frankly, {competitor} would never let this happen. We are evaluating them for the renewal.",
    "Your team keeps claiming this was fixed. It was not, and I have told our leadership so.",
    "I am copying your leadership because nobody on your side takes this seriously.",
    "We have a demo with {competitor} next week. Give me one reason to renew.",
    "I do not accept your report. As far as I am concerned your service is unacceptable.",
    "Everyone here agrees the switch to {competitor} is overdue.",
};
constexpr SV kLegalSubject[] = {"Formal notice", "Breach of contract", "Legal action"};
constexpr SV kLegalLine[] = {
    "If this is not resolved by {day}, our lawyers will be in touch.",
    "We consider this a breach of contract and are reviewing our legal options.",
    "Our legal department has been informed and will pursue damages for the downtime.",
    "Please direct all further communication to our attorney.",
    "Expect a formal notice from our counsel about the missed service levels.",
    "We will sue for the losses this has caused us if it happens again.",
};
constexpr SV kBadgerLine[] = {
    "Given how much we spend with you, we expect a {pct}% discount on the renewal.",
    "Can you throw in the premium support tier for free this year?",
    "We need a credit for last month; the slowdown cost us real money.",
    "Other vendors offer us {pct}% off. Can you match that?",
    "Please waive the fee for the {n} extra seats as a goodwill gesture.",
    "Before we sign anything we need a better price. {pct}% off is the minimum.",
    "While you are at it, the training package should be free for a customer our size.",
};
constexpr SV kThanks[] = {
    "Huge thanks to {first} and the team: you had us back up within the hour. That is exactly "
    "why we work with you.",
    "I wanted to say thank you. The fix came faster than we could have hoped, and our {dept} "
    "team noticed.",
    "Impressive turnaround today, {first}, thank you. Happy to be a reference any time.",
};
constexpr SV kStallingExcuse[] = {
    "Sorry, still waiting on our board for the signature. Next week for sure.",
    "I have not had time to pull it together yet. Will get to it.",
    "Can we push this? Things are hectic here at the moment.",
    "Apologies, it slipped through the cracks again. I will send it {day}.",
};

// --- Commitments, deadlines, incidents, escalations, discounts -------------------------------

constexpr SV kOurWhat[] = {
    "ship the fix for the {feature} export", "send the root-cause report",
    "enable single sign-on for your workspace", "deliver the custom {report} report",
    "migrate your historical data", "schedule the admin training",
    "send a revised quote", "restore the missing {feature} records",
};
constexpr SV kTheirWhat[] = {
    "send the signed order form", "share the test data set",
    "provide admin access for the integration", "confirm the go-live date",
    "send the list of users to migrate", "review the draft statement of work",
    "book the kickoff with your IT team", "return the security questionnaire",
};
constexpr SV kCommitmentText[] = {
    "{hi} I will {what} by {due}.", "{hi} you have my word: we will {what} by {due}.",
    "{hi} our plan is to {what} by {due}. I will keep you posted.",
};
constexpr SV kTheirCommitmentText[] = {
    "{hi} I will {what} by {due}.", "Sure, I can {what} by {due}.",
    "{hi} noted, I'll {what} by {due}.",
};
constexpr SV kOutcomeKeptText[] = {"{hi} done: we managed to {what} as promised.",
                                   "{hi} as promised, we did {what}."};
constexpr SV kOutcomeBrokenText[] = {"We did not {what} by {due} as promised.",
                                     "Missed: {what} was due {due}."};
constexpr SV kTheirOutcomeBrokenText[] = {
    "Still waiting: {first} promised to {what} by {due}.",
    "Not received by {due}: {what}.",
};
constexpr SV kTheirOutcomeKeptText[] = {"Received: {what}.", "{first} did {what} on time."};
constexpr SV kChaseTheirs[] = {
    "{hi} just checking in: you planned to {what} by {due}. Is that still on?",
    "{hi} a gentle reminder to {what}; we need it to keep the project on track.",
};
constexpr SV kWarnUpdate[] = {
    "{hi} a heads-up: we will not manage to {what} by {due}. We need about {n} more days; "
    "sorry for the slip.",
    "{hi} honest update: {what} is running late and will miss {due}. I will send a new date "
    "tomorrow.",
};
constexpr SV kOnTrackUpdate[] = {"{hi} quick update: we are on track to {what} by {due}.",
                                 "{hi} progress is good; we expect to {what} by {due}."};
constexpr SV kIncidentUpdate[] = {
    "We have identified the cause of the {feature} problem and are rolling out a fix.",
    "Engineers are working on the {feature} outage. Next update in 30 minutes.",
};
constexpr SV kDeadlineWhat[] = {
    "go-live of the {feature} integration", "migration of {n} user accounts",
    "year-end reporting pack", "answers to the security questionnaire",
    "pilot results for the board", "custom {report} report",
};
constexpr SV kDeadlineText[] = {
    "{hi} we need the {what} by {due}, no later.",
    "{hi} our board meets soon, so the {what} has to be done by {due}.",
    "{hi} please make sure the {what} is ready by {due}. It is fixed on our side.",
};
constexpr SV kIncidentWhat[] = {
    "{feature} unavailable", "API errors (HTTP 500) for all requests", "delayed data sync",
    "login failures for SSO users", "reports showing no data", "email notifications not sent",
};
constexpr SV kIncidentSubject[] = {"Outage: {what}", "Incident: {what}"};
constexpr SV kIncidentReport[] = {
    "{hi} {feature} is down for all of us. What is going on?",
    "Nothing loads since a few minutes ago. Our {dept} team cannot work.",
    "We are getting errors everywhere. Is there an outage?",
};
constexpr SV kIncidentResolved[] = {"Resolved: {what}. Service is back to normal.",
                                    "The incident is over; we will publish a root-cause report."};
constexpr SV kEscalationAbout[] = {
    "slow responses on {feature} tickets", "repeated outages of {feature}",
    "billing errors on recent invoices", "a missed delivery date",
    "unanswered requests about the {report} report", "the quality of support",
};
constexpr SV kEscalationText[] = {
    "{hi} I am escalating this to you: {what} has gone on for too long.",
    "{hi} I need your help: {what}. The team is not getting anywhere.",
    "{hi} we have to talk about {what}. Can we have a call this week?",
};
constexpr SV kEscalationOurExec[] = {
    "{hi} I want your leadership to know about {what}.",
    "{hi} this is the third time I raise {what}, so I am going to the top.",
};
constexpr SV kEscalationReply[] = {
    "{hi} thank you for raising this with me. I asked the team for a full review and will call "
    "you {day}.",
    "{hi} I am sorry about this. I have put a senior engineer on it and will report back daily.",
    "{hi} understood. Let us meet {day} to go through it together.",
};
constexpr SV kDiscountWhat[] = {"the renewal", "additional seats", "premium support",
                                "the training package", "next quarter's invoice",
                                "the {feature} add-on"};
constexpr SV kDiscountText[] = {
    "{hi} could you do {pct}% off {what}? Budgets are tight this year.",
    "{hi} we would like a better price on {what} before we commit.",
    "{hi} is there any flexibility on {what}? We were hoping for {pct}% off.",
};

constexpr SV kDiscountResponse[] = {
    "{hi} we cannot change the price, but we can add two training sessions at no cost.",
    "{hi} I checked with our finance team: {pct}% is not possible, but we can hold this year's "
    "price for the renewal.",
    "{hi} our pricing is the same for every customer of your size, so I cannot offer a cut.",
};

// --- Everything else ------------------------------------------------------------------------

constexpr SV kNoteText[] = {
    "Call with their {dept} lead: walked through the {feature} roadmap; no open issues.",
    "Renewal discussion scheduled for next month.",
    "Customer reorganised their {dept} team; new contacts added.",
    "Reviewed the open tickets; two are waiting on their side.",
    "Usage of {feature} grew {pct}% this quarter.",
};
constexpr SV kOurFyi[] = {
    "{hi} FYI: scheduled maintenance on {day} night, 22:00-23:00 your time.",
    "{hi} the release notes for this month's update are attached; {feature} got faster.",
    "{hi} a reminder that the {feature} beta opens {day}.",
};
constexpr SV kTheirFyi[] = {
    "{hi} FYI, {first} from our {dept} team takes over as your contact for {feature}.",
    "{hi} we are closed {day} for a company event.",
    "Thanks for the session yesterday, very useful.",
};
constexpr SV kQbrSubject[] = {"Quarterly business review", "QBR: review and next quarter"};
constexpr SV kQbrText[] = {
    "Quarterly business review: usage up {pct}% this quarter; {n} open items agreed.",
    "Quarterly review of {company}'s goals, support trends and the {feature} roadmap.",
};
constexpr SV kContractText[] = {"Subscription agreement signed: {years}-year term.",
                                "Order form countersigned; {years}-year subscription starts."};
constexpr SV kOverdueReminder[] = {
    "{hi} a reminder that invoice {invoice} was due on {due} and is still open.",
    "{hi} our records show invoice {invoice} as unpaid since {due}. Could you check?",
};
constexpr SV kInvoiceSubject[] = {"Invoice {invoice}"};

struct ListEntry {
  TextList id;
  std::span<const SV> texts;
};

constexpr ListEntry kLists[] = {
    {TextList::kNone, {}},
    {TextList::kExportSubject, kExportSubject}, {TextList::kExportBody, kExportBody},
    {TextList::kLoginSubject, kLoginSubject}, {TextList::kLoginBody, kLoginBody},
    {TextList::kBillingSubject, kBillingSubject}, {TextList::kBillingBody, kBillingBody},
    {TextList::kIntegrationSubject, kIntegrationSubject},
    {TextList::kIntegrationBody, kIntegrationBody},
    {TextList::kPerformanceSubject, kPerformanceSubject},
    {TextList::kPerformanceBody, kPerformanceBody},
    {TextList::kReportsSubject, kReportsSubject}, {TextList::kReportsBody, kReportsBody},
    {TextList::kDataSubject, kDataSubject}, {TextList::kDataBody, kDataBody},
    {TextList::kOnboardingSubject, kOnboardingSubject},
    {TextList::kOnboardingBody, kOnboardingBody},
    {TextList::kFeatureSubject, kFeatureSubject}, {TextList::kFeatureBody, kFeatureBody},
    {TextList::kPermissionsSubject, kPermissionsSubject},
    {TextList::kPermissionsBody, kPermissionsBody},
    {TextList::kTechnicalResponse, kTechnicalResponse},
    {TextList::kAdminResponse, kAdminResponse}, {TextList::kChatResponse, kChatResponse},
    {TextList::kSecondResponse, kSecondResponse},
    {TextList::kFollowUpResolved, kFollowUpResolved},
    {TextList::kFollowUpStillBroken, kFollowUpStillBroken}, {TextList::kChaser, kChaser},
    {TextList::kMeToo, kMeToo},
    {TextList::kDemandingAddOn, kDemandingAddOn},
    {TextList::kAbusiveSubject, kAbusiveSubject}, {TextList::kAbusiveLine, kAbusiveLine},
    {TextList::kHostileLine, kHostileLine}, {TextList::kLegalLine, kLegalLine},
    {TextList::kLegalSubject, kLegalSubject}, {TextList::kBadgerLine, kBadgerLine},
    {TextList::kThanks, kThanks}, {TextList::kStallingExcuse, kStallingExcuse},
    {TextList::kOurWhat, kOurWhat}, {TextList::kTheirWhat, kTheirWhat},
    {TextList::kCommitmentText, kCommitmentText},
    {TextList::kTheirCommitmentText, kTheirCommitmentText},
    {TextList::kOutcomeKeptText, kOutcomeKeptText},
    {TextList::kOutcomeBrokenText, kOutcomeBrokenText},
    {TextList::kTheirOutcomeBrokenText, kTheirOutcomeBrokenText},
    {TextList::kTheirOutcomeKeptText, kTheirOutcomeKeptText},
    {TextList::kChaseTheirs, kChaseTheirs}, {TextList::kWarnUpdate, kWarnUpdate},
    {TextList::kOnTrackUpdate, kOnTrackUpdate}, {TextList::kIncidentUpdate, kIncidentUpdate},
    {TextList::kDeadlineWhat, kDeadlineWhat}, {TextList::kDeadlineText, kDeadlineText},
    {TextList::kIncidentWhat, kIncidentWhat}, {TextList::kIncidentSubject, kIncidentSubject},
    {TextList::kIncidentReport, kIncidentReport},
    {TextList::kIncidentResolved, kIncidentResolved},
    {TextList::kEscalationAbout, kEscalationAbout}, {TextList::kEscalationText, kEscalationText},
    {TextList::kEscalationOurExec, kEscalationOurExec},
    {TextList::kEscalationReply, kEscalationReply},
    {TextList::kDiscountWhat, kDiscountWhat}, {TextList::kDiscountText, kDiscountText},
    {TextList::kDiscountResponse, kDiscountResponse},
    {TextList::kNoteText, kNoteText}, {TextList::kOurFyi, kOurFyi},
    {TextList::kTheirFyi, kTheirFyi}, {TextList::kQbrSubject, kQbrSubject},
    {TextList::kQbrText, kQbrText}, {TextList::kContractText, kContractText},
    {TextList::kOverdueReminder, kOverdueReminder},
    {TextList::kInvoiceSubject, kInvoiceSubject},
};
static_assert(std::size(kLists) == static_cast<size_t>(TextList::kCount));

constexpr bool ListsInOrder() {
  for (size_t i = 0; i < std::size(kLists); ++i) {
    if (static_cast<size_t>(kLists[i].id) != i) return false;
  }
  return true;
}
static_assert(ListsInOrder(), "kLists must follow the order of TextList");

constexpr SV kFeatures[] = {"Reports", "Dashboards", "Scheduling", "Invoicing", "Inventory",
                            "Workflows", "Analytics", "Timesheets", "Connectors", "Approvals"};
constexpr SV kReportNames[] = {"monthly usage", "pipeline", "SLA", "inventory", "revenue",
                               "headcount", "weekly operations"};
constexpr SV kDepts[] = {"finance", "operations", "sales", "support", "IT", "logistics",
                         "marketing", "HR"};
constexpr SV kCompetitors[] = {"Deskwise", "Supportly", "Ticketa", "CareLoop", "Servio"};
constexpr SV kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

SV Pick(std::span<const SV> list, uint64_t seed, uint64_t var) {
  return list[Mix64(seed, var) % list.size()];
}

// Appends the value of variable `name`; false when there is no such variable.
bool AppendVar(SV name, const TextVars& v, std::string* out) {
  if (name == "hi") {
    if (v.first.empty()) {
      out->append("Hello,");
    } else {
      out->append("Hi ").append(v.first).push_back(',');
    }
  } else if (name == "first") {
    out->append(v.first.empty() ? SV("team") : v.first);
  } else if (name == "me") {
    out->append(v.me);
  } else if (name == "company") {
    out->append(v.company);
  } else if (name == "due") {
    out->append(v.due);
  } else if (name == "invoice") {
    out->append(v.invoice);
  } else if (name == "what") {
    out->append(v.what);
  } else if (name == "years") {
    fmt::format_to(std::back_inserter(*out), "{}", v.years);
  } else if (name == "feature") {
    out->append(Pick(kFeatures, v.seed, 1));
  } else if (name == "report") {
    out->append(Pick(kReportNames, v.seed, 2));
  } else if (name == "dept") {
    out->append(Pick(kDepts, v.seed, 3));
  } else if (name == "competitor") {
    out->append(Pick(kCompetitors, v.seed, 4));
  } else if (name == "day") {
    out->append(Pick(kDays, v.seed, 5));
  } else if (name == "n") {
    fmt::format_to(std::back_inserter(*out), "{}", 2 + Mix64(v.seed, 6) % 39);
  } else if (name == "pct") {
    fmt::format_to(std::back_inserter(*out), "{}", 5 * (1 + Mix64(v.seed, 7) % 6));
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::span<const SV> Texts(TextList list) { return kLists[static_cast<size_t>(list)].texts; }

std::span<const Topic> Topics() { return kTopics; }

std::span<const SV> Competitors() { return kCompetitors; }

void ExpandTemplate(SV tpl, const TextVars& vars, std::string* out) {
  size_t pos = 0;
  while (pos < tpl.size()) {
    size_t open = tpl.find('{', pos);
    if (open == SV::npos) break;
    size_t close = tpl.find('}', open);
    if (close == SV::npos) break;
    out->append(tpl.substr(pos, open - pos));
    if (!AppendVar(tpl.substr(open + 1, close - open - 1), vars, out)) {
      out->append(tpl.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out->append(tpl.substr(pos));
}

}  // namespace nanni
