#include "import/mail/mail_mapper.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "event/canonical.h"
#include "import/mail/contact_level.h"
#include "import/mail/request_rules.h"
#include "text/new_text.h"
#include "util/sha256.h"

namespace nanni {

namespace {

constexpr int kMaxThreadDepth = 64;

std::string_view DomainOf(std::string_view email) {
  size_t at = email.rfind('@');
  return at == std::string_view::npos ? std::string_view() : email.substr(at + 1);
}

bool EndsWithCi(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) !=
        std::tolower(static_cast<unsigned char>(suffix[i]))) {
      return false;
    }
  }
  return true;
}

// Whether `domain` is `base` or a subdomain of it.
bool InDomain(std::string_view domain, std::string_view base) {
  if (base.empty()) return false;
  if (domain == base) return true;
  return domain.size() > base.size() && domain.substr(domain.size() - base.size()) == base &&
         domain[domain.size() - base.size() - 1] == '.';
}

// The organisation's part of a domain: "eng.ucsd.edu" -> "ucsd.edu", "mail.foo.co.uk" ->
// "foo.co.uk". A heuristic, not the public suffix list: documented in docs/mail.md.
std::string OrganisationDomain(std::string_view domain) {
  std::vector<std::string_view> labels;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    labels.push_back(domain.substr(start, dot - start));
    start = dot + 1;
  }
  size_t keep = 2;
  static constexpr std::array<std::string_view, 9> kSecondLevel = {
      "co", "com", "ac", "org", "net", "gov", "edu", "ne", "or"};
  if (labels.size() >= 3 && labels.back().size() == 2 &&
      std::find(kSecondLevel.begin(), kSecondLevel.end(), labels[labels.size() - 2]) !=
          kSecondLevel.end()) {
    keep = 3;
  }
  if (labels.size() <= keep) return std::string(domain);
  size_t from = labels[labels.size() - keep].data() - domain.data();
  return std::string(domain.substr(from));
}

bool IsListish(const MailMessage& m) {
  const MailAddress& f = m.from;
  if (!m.list_address.empty() && f.email == m.list_address) return true;
  if (f.name.size() > 5) {
    std::string lower = f.name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find(" via ") != std::string::npos) return true;
  }
  size_t at = f.email.find('@');
  if (at != std::string::npos) {
    std::string_view local = std::string_view(f.email).substr(0, at);
    if (EndsWithCi(local, "-bounces") || EndsWithCi(local, "-owner")) return true;
  }
  return false;
}

bool IsListAddress(const MailMessage& m, const std::string& email) {
  if (email.empty()) return false;
  if (email == m.list_address) return true;
  size_t at = email.find('@');
  std::string_view local = std::string_view(email).substr(0, at);
  return EndsWithCi(local, "-bounces") || EndsWithCi(local, "-owner");
}

std::string StripVia(std::string name) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t via = lower.rfind(" via ");
  if (via != std::string::npos) name.resize(via);
  return name;
}

std::string AttachmentsJson(const std::vector<MailAttachment>& attachments) {
  std::string out = "[";
  for (size_t i = 0; i < attachments.size(); ++i) {
    const MailAttachment& a = attachments[i];
    if (i > 0) out.push_back(',');
    out += "{\"name\":";
    AppendJsonString(a.name, &out);
    out += ",\"size\":" + std::to_string(a.size) + ",\"type\":";
    AppendJsonString(a.type, &out);
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}

}  // namespace

std::string MailEventId(std::string_view message_id) {
  return "mail:<" + std::string(message_id) + ">";
}

Side MailMapper::SideOf(std::string_view email) const {
  std::string_view domain = DomainOf(email);
  for (const std::string& ours : config_->company.domains) {
    if (InDomain(domain, ours)) return Side::kOurs;
  }
  return Side::kTheirs;
}

// At most 256 bytes (the ledger's limit for an account), cut at a UTF-8 character boundary.
static std::string CapAccount(std::string account) {
  if (account.size() <= 256) return account;
  size_t n = 256;
  while (n > 0 && (static_cast<unsigned char>(account[n]) & 0xc0) == 0x80) --n;
  account.resize(n);
  return account;
}

std::string MailMapper::AccountOf(std::string_view email) const {
  return CapAccount(AccountOfUncapped(email));
}

std::string MailMapper::AccountOfUncapped(std::string_view email) const {
  if (email.empty()) return "unknown-sender";
  auto by_address = config_->accounts.addresses.find(std::string(email));
  if (by_address != config_->accounts.addresses.end()) return by_address->second;
  std::string_view domain = DomainOf(email);
  for (std::string_view d = domain; !d.empty();) {
    auto it = config_->accounts.domains.find(std::string(d));
    if (it != config_->accounts.domains.end()) return it->second;
    size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d.remove_prefix(dot + 1);
  }
  if (domain.empty() || IsFreeMailDomain(*config_, domain)) return std::string(email);
  return OrganisationDomain(domain);
}

MailAddress MailMapper::Sender(const MailMessage& m, bool* via_list) const {
  *via_list = IsListish(m);
  if (!*via_list) return m.from;
  MailAddress person;
  if (m.reply_to.size() == 1 && !IsListAddress(m, m.reply_to[0].email) &&
      !m.reply_to[0].email.empty()) {
    person = m.reply_to[0];
  } else if (!m.original_from.email.empty() && !IsListAddress(m, m.original_from.email)) {
    person = m.original_from;
  }
  if (person.name.empty()) person.name = StripVia(m.from.name);
  return person;
}

void MailMapper::Facts(const MailMessage& m, std::string_view raw, MailFacts* out) const {
  *out = MailFacts();
  out->id = m.message_id.empty()
                ? "mail:sha256:" + ToHex(Sha256::Of(raw), 16)
                : MailEventId(m.message_id);
  // The parent: In-Reply-To, else the last of References; never the message itself.
  const std::vector<std::string>& ids = !m.in_reply_to.empty() ? m.in_reply_to : m.references;
  if (!ids.empty()) {
    const std::string& p = !m.in_reply_to.empty() ? ids.front() : ids.back();
    if (p != m.message_id) out->parent = MailEventId(p);
  }
  if (!m.references.empty() && m.references.front() != m.message_id) {
    out->root_hint = MailEventId(m.references.front());
  } else {
    out->root_hint = out->parent;
  }
  bool via_list = false;
  MailAddress sender = Sender(m, &via_list);
  out->side = sender.email.empty() ? Side::kTheirs : SideOf(sender.email);
  if (out->side == Side::kTheirs) {
    out->account = AccountOf(sender.email);
    return;
  }
  for (const MailAddress& r : m.to) {
    if (!r.email.empty() && SideOf(r.email) == Side::kTheirs && !IsListAddress(m, r.email)) {
      out->account = AccountOf(r.email);
      return;
    }
  }
  out->account = CapAccount(!m.to.empty() && !m.to[0].email.empty() ? m.to[0].email
                                                                      : "unknown-recipient");
}

std::string MailMapper::ResolveAccount(const MailFacts& facts, const FactsLookup& lookup) const {
  const MailFacts* f = &facts;
  for (int depth = 0; depth < kMaxThreadDepth && f->side == Side::kOurs; ++depth) {
    if (f->parent.empty()) break;
    const MailFacts* parent = lookup(f->parent);
    if (!parent || parent == &facts) break;
    f = parent;
  }
  return f->side == Side::kTheirs ? f->account : facts.account;
}

bool MailMapper::ToEvent(const MailMessage& m, std::string_view raw, const FactsLookup& lookup,
                         const std::string& file, int64_t line, Event* e) const {
  if (!m.has_date) return false;
  *e = Event();
  MailFacts facts;
  Facts(m, raw, &facts);
  e->id = facts.id;
  e->account = ResolveAccount(facts, lookup);
  e->time = m.date;
  e->channel = "email";
  e->subject = m.subject;
  e->text = m.text;
  SplitText split = SplitNewText(m.text);
  // Left out when the whole text is new (it would repeat it).
  std::string_view whole = e->text;
  while (!whole.empty() && (whole.back() == '\n' || whole.back() == ' ')) whole.remove_suffix(1);
  while (!whole.empty() && (whole.front() == '\n' || whole.front() == ' ')) whole.remove_prefix(1);
  if (split.new_text != whole) e->new_text = split.new_text;
  bool quoted_only = split.new_text.empty() && !m.text.empty();
  e->reply_to = facts.parent;
  // The thread: as the archive's first pass found it (every message linked by In-Reply-To or
  // References, named after its root); without that pass, the first of References, else the
  // root up the known parents, else the parent, else the message itself.
  const MailFacts* indexed = lookup(facts.id);
  if (indexed && !indexed->thread.empty()) {
    e->thread = indexed->thread;
  } else if (!m.references.empty() && m.references.front() != m.message_id) {
    e->thread = MailEventId(m.references.front());
  } else if (!facts.parent.empty()) {
    // Up the parents while they are known; in a reference loop the root is the loop's
    // smallest id, so every message of the loop names the same thread.
    std::vector<std::string> chain = {facts.id, facts.parent};
    std::string root = facts.parent;
    for (int depth = 0; depth < kMaxThreadDepth; ++depth) {
      const MailFacts* p = lookup(chain.back());
      if (!p || p->parent.empty()) break;
      auto seen = std::find(chain.begin(), chain.end(), p->parent);
      if (seen != chain.end()) {
        root = *std::min_element(seen, chain.end());
        break;
      }
      chain.push_back(p->parent);
      root = p->parent;
    }
    e->thread = root;
  } else {
    e->thread = facts.id;
  }

  bool via_list = false;
  MailAddress sender = Sender(m, &via_list);
  if (!sender.email.empty() || !sender.name.empty()) {
    Contact c;
    c.name = sender.name;
    c.email = sender.email;
    c.side = facts.side;
    c.title = FindTitle(split.signature);
    Level titled = LevelForTitle(c.title);
    if (facts.side == Side::kOurs) {
      c.level = c.title.empty() || titled == Level::kUser ? Level::kAgent : titled;
    } else {
      c.level = titled;
    }
    e->from = std::move(c);
  }
  for (const MailAddress& r : m.to) {
    if (r.email.empty() && r.name.empty()) continue;
    Contact c;
    c.name = r.name;
    c.email = r.email;
    c.side = r.email.empty() ? Side::kTheirs : SideOf(r.email);
    e->to.push_back(std::move(c));
    if (e->to.size() >= 50) break;  // a mass mailing's recipients are not the point
  }

  const MailFacts* parent = facts.parent.empty() ? nullptr : lookup(facts.parent);
  std::vector<std::pair<std::string, std::string>> meta;
  if (facts.side == Side::kOurs && parent && parent->side == Side::kTheirs) {
    e->kind = EventKind::kResponse;
  } else if (facts.side == Side::kTheirs) {
    std::string rule = DetectRequest(split.new_text.empty() ? m.subject : split.new_text);
    e->kind = rule.empty() ? EventKind::kMessage : EventKind::kRequest;
    if (!rule.empty()) meta.emplace_back("request_rule", rule);
  } else {
    e->kind = EventKind::kMessage;
  }
  if (!m.attachments.empty()) meta.emplace_back("attachments", AttachmentsJson(m.attachments));
  if (m.html_only) meta.emplace_back("body", "html");
  if (quoted_only) meta.emplace_back("new_text", "none");  // all quotes, signature, footer
  if (via_list) meta.emplace_back("list", m.list_address.empty() ? m.from.email : m.list_address);
  std::sort(meta.begin(), meta.end());
  e->meta = std::move(meta);

  e->source.file = file;
  e->source.line = line;
  e->source.ref = m.message_id.empty() ? std::string() : "<" + m.message_id + ">";
  return true;
}

}  // namespace nanni
