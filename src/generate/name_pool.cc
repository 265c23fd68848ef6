#include "generate/name_pool.h"

namespace nanni {

namespace {

constexpr PersonName kFirstNames[] = {
    {"James", "james"},     {"Mary", "mary"},         {"Robert", "robert"},
    {"Patricia", "patricia"}, {"John", "john"},       {"Jennifer", "jennifer"},
    {"Michael", "michael"}, {"Linda", "linda"},       {"David", "david"},
    {"Elizabeth", "elizabeth"}, {"William", "william"}, {"Barbara", "barbara"},
    {"Richard", "richard"}, {"Susan", "susan"},       {"Joseph", "joseph"},
    {"Jessica", "jessica"}, {"Thomas", "thomas"},     {"Sarah", "sarah"},
    {"Daniel", "daniel"},   {"Karen", "karen"},       {"Matthew", "matthew"},
    {"Nancy", "nancy"},     {"Anthony", "anthony"},   {"Lisa", "lisa"},
    {"Mark", "mark"},       {"Sandra", "sandra"},     {"Steven", "steven"},
    {"Ashley", "ashley"},   {"Andrew", "andrew"},     {"Emily", "emily"},
    {"Kevin", "kevin"},     {"Michelle", "michelle"}, {"Brian", "brian"},
    {"Amanda", "amanda"},   {"Dana", "dana"},         {"Melissa", "melissa"},
    {"Sam", "sam"},         {"Rebecca", "rebecca"},   {"Jonas", "jonas"},
    {"Anna", "anna"},       {"Lukas", "lukas"},       {"Sophie", "sophie"},
    {"Jürgen", "juergen"},  {"Katrin", "katrin"},     {"Felix", "felix"},
    {"Léa", "lea"},         {"Hugo", "hugo"},         {"Camille", "camille"},
    {"Oliver", "oliver"},   {"Charlotte", "charlotte"}, {"Harry", "harry"},
    {"Amelia", "amelia"},   {"Hiroshi", "hiroshi"},   {"Yuki", "yuki"},
    {"Kenji", "kenji"},     {"Aiko", "aiko"},         {"Priya", "priya"},
    {"Arjun", "arjun"},     {"Ananya", "ananya"},     {"Rahul", "rahul"},
    {"João", "joao"},       {"Mariana", "mariana"},   {"Lucas", "lucas"},
    {"Beatriz", "beatriz"}, {"Chloe", "chloe"},       {"Liam", "liam"},
    {"Zoë", "zoe"},         {"Noah", "noah"},         {"Søren", "soren"},
    {"Ingrid", "ingrid"},   {"Mateo", "mateo"},       {"Valentina", "valentina"},
    {"Omar", "omar"},       {"Fatima", "fatima"},     {"Wei", "wei"},
    {"Mei", "mei"},         {"Tomasz", "tomasz"},     {"Agnieszka", "agnieszka"},
    {"Grace", "grace"},     {"Ethan", "ethan"},
};

constexpr PersonName kLastNames[] = {
    {"Smith", "smith"},       {"Johnson", "johnson"},   {"Williams", "williams"},
    {"Brown", "brown"},       {"Jones", "jones"},       {"Garcia", "garcia"},
    {"Miller", "miller"},     {"Davis", "davis"},       {"Rodriguez", "rodriguez"},
    {"Martinez", "martinez"}, {"Hernandez", "hernandez"}, {"Lopez", "lopez"},
    {"Wilson", "wilson"},     {"Anderson", "anderson"}, {"Taylor", "taylor"},
    {"Moore", "moore"},       {"Jackson", "jackson"},   {"Martin", "martin"},
    {"Lee", "lee"},           {"Thompson", "thompson"}, {"White", "white"},
    {"Harris", "harris"},     {"Clark", "clark"},       {"Lewis", "lewis"},
    {"Walker", "walker"},     {"Hall", "hall"},         {"Young", "young"},
    {"King", "king"},         {"Wright", "wright"},     {"Scott", "scott"},
    {"Whitfield", "whitfield"}, {"Ortiz", "ortiz"},     {"Nguyen", "nguyen"},
    {"Müller", "mueller"},    {"Schmidt", "schmidt"},   {"Schneider", "schneider"},
    {"Fischer", "fischer"},   {"Weber", "weber"},       {"Becker", "becker"},
    {"Dubois", "dubois"},     {"Lefèvre", "lefevre"},   {"Moreau", "moreau"},
    {"Laurent", "laurent"},   {"Evans", "evans"},       {"Hughes", "hughes"},
    {"Patel", "patel"},       {"Sharma", "sharma"},     {"Gupta", "gupta"},
    {"Iyer", "iyer"},         {"Sato", "sato"},         {"Suzuki", "suzuki"},
    {"Takahashi", "takahashi"}, {"Tanaka", "tanaka"},   {"Silva", "silva"},
    {"Santos", "santos"},     {"Oliveira", "oliveira"}, {"Costa", "costa"},
    {"O'Brien", "obrien"},    {"Murphy", "murphy"},     {"Kowalski", "kowalski"},
    {"Nowak", "nowak"},       {"Jensen", "jensen"},     {"Larsen", "larsen"},
    {"Rossi", "rossi"},       {"Bianchi", "bianchi"},   {"Chen", "chen"},
    {"Wang", "wang"},         {"Kim", "kim"},           {"Park", "park"},
    {"Cohen", "cohen"},       {"Novak", "novak"},       {"Fernández", "fernandez"},
};

constexpr std::string_view kCompanyWords[] = {
    "Northwind", "Bluestone",  "Redwood",   "Silverline", "Ironbridge", "Brightwater",
    "Clearpath", "Summit",     "Harbor",    "Oakridge",   "Pinecrest",  "Granite",
    "Evergreen", "Lakeside",   "Westfield", "Eastgate",   "Crescent",   "Meridian",
    "Pioneer",   "Horizon",    "Atlas",     "Beacon",     "Cobalt",     "Falcon",
    "Juniper",   "Keystone",   "Lighthouse", "Maple",     "Nimbus",     "Orion",
    "Polaris",   "Quarry",     "Riverbend", "Sterling",   "Tidewater",  "Union",
    "Vantage",   "Willow",     "Zenith",    "Aurora",     "Cedar",      "Driftwood",
    "Ember",     "Fjord",      "Glacier",   "Highland",   "Ivy",        "Jasper",
    "Kestrel",   "Lumen",      "Mosaic",    "Northstar",  "Oasis",      "Prairie",
    "Quantum",   "Ridgeline",  "Sable",     "Tamarack",   "Upland",     "Vertex",
};

constexpr std::string_view kIndustryWords[] = {
    "Logistics",  "Health",       "Foods",     "Analytics",  "Capital",   "Manufacturing",
    "Energy",     "Retail",       "Labs",      "Systems",    "Freight",   "Pharma",
    "Insurance",  "Media",        "Engineering", "Hospitality", "Telecom", "Robotics",
    "Textiles",   "Motors",       "Partners",  "Dental",     "Clinics",   "Construction",
    "Software",   "Brewing",      "Outdoor",   "Mobility",   "Aerospace", "Agritech",
    "Realty",     "Travel",       "Education", "Security",   "Packaging", "Chemicals",
    "Marine",     "Furniture",    "Printing",  "Solar",
};

constexpr std::string_view kGenericTlds[] = {".com", ".com", ".com", ".io", ".net", ".co"};

constexpr ZoneInfo kZones[] = {
    {"Europe/Berlin", "EUR", 92, ".de", "GmbH"},
    {"America/New_York", "USD", 100, ".com", "Inc."},
    {"America/Los_Angeles", "USD", 100, ".com", "Inc."},
    {"Europe/London", "GBP", 79, ".co.uk", "Ltd"},
    {"Asia/Tokyo", "JPY", 150, ".co.jp", "K.K."},
    {"Australia/Sydney", "AUD", 152, ".com.au", "Pty Ltd"},
    {"America/Sao_Paulo", "BRL", 500, ".com.br", "Ltda."},
    {"Asia/Kolkata", "INR", 8300, ".in", "Pvt. Ltd."},
    {"Europe/Paris", "EUR", 92, ".fr", "SAS"},
    {"America/Chicago", "USD", 100, ".com", "LLC"},
};

constexpr std::string_view kExecutiveTitles[] = {
    "CEO", "CFO", "COO", "CTO", "CIO", "VP Operations", "VP Engineering", "VP Sales",
    "Chief Procurement Officer", "Managing Director",
};

constexpr std::string_view kManagerTitles[] = {
    "Finance Manager", "Procurement Manager", "Head of Finance",  // kFinanceManagerTitles
    "IT Manager", "Operations Manager", "Project Manager", "Head of Customer Service",
    "Engineering Manager", "Office Manager", "Head of Data",
};

constexpr std::string_view kUserTitles[] = {
    "Analyst", "Operations Specialist", "Accountant", "Support Specialist", "Data Analyst",
    "Coordinator", "Engineer", "Sales Representative", "Administrator", "Planner",
};

constexpr std::string_view kAgentTitles[] = {"Support Agent", "Support Engineer",
                                             "Senior Support Engineer"};

}  // namespace

std::span<const PersonName> FirstNames() { return kFirstNames; }
std::span<const PersonName> LastNames() { return kLastNames; }
std::span<const std::string_view> CompanyWords() { return kCompanyWords; }
std::span<const std::string_view> IndustryWords() { return kIndustryWords; }
std::span<const std::string_view> GenericTlds() { return kGenericTlds; }
std::span<const ZoneInfo> Zones() { return kZones; }
std::span<const std::string_view> ExecutiveTitles() { return kExecutiveTitles; }
std::span<const std::string_view> ManagerTitles() { return kManagerTitles; }
std::span<const std::string_view> UserTitles() { return kUserTitles; }
std::span<const std::string_view> AgentTitles() { return kAgentTitles; }

}  // namespace nanni
