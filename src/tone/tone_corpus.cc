#include "tone/tone_corpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>

namespace nanni {

void ParseCsv(std::string_view d, std::vector<std::vector<std::string>>* rows) {
  rows->clear();
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < d.size(); ++i) {
    char c = d[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < d.size() && d[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < d.size() && d[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows->push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows->push_back(std::move(row));
  }
}

Status ReadCsvFile(const std::string& path, std::vector<std::vector<std::string>>* rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::stringstream ss;
  ss << in.rdbuf();
  ParseCsv(ss.str(), rows);
  return Status::OK();
}

uint64_t ToneTextHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool IsHeldOut(std::string_view text) { return ToneTextHash(text) % 4 == 0; }

namespace {

int Column(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Status Read(const std::string& dir, const std::string& file, std::vector<std::vector<std::string>>* rows,
            std::vector<std::string_view> columns, std::vector<int>* idx) {
  NANNI_RETURN_IF_ERROR(ReadCsvFile(dir + "/" + file, rows));
  if (rows->empty()) return Status::InvalidInput(fmt::format("{}/{}: empty", dir, file));
  idx->clear();
  for (std::string_view c : columns) {
    int k = Column((*rows)[0], c);
    if (k < 0) return Status::InvalidInput(fmt::format("{}/{}:1: no column '{}'", dir, file, c));
    idx->push_back(k);
  }
  return Status::OK();
}

bool Number(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

void Add(ToneTask* task, std::string text, double label) {
  bool held = IsHeldOut(text);
  task->items.push_back(LabelledText{std::move(text), label, held});
}

Status LoadPoliteness(const std::string& dir, const std::string& file, const std::string& name,
                      std::vector<ToneTask>* tasks) {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> c;
  NANNI_RETURN_IF_ERROR(Read(dir, file, &rows, {"Request", "Normalized Score"}, &c));
  std::vector<std::pair<double, std::string>> scored;
  for (size_t r = 1; r < rows.size(); ++r) {
    double s;
    if (rows[r].size() <= static_cast<size_t>(std::max(c[0], c[1])) || !Number(rows[r][c[1]], &s)) continue;
    scored.emplace_back(s, rows[r][c[0]]);
  }
  std::vector<double> s;
  for (auto& p : scored) s.push_back(p.first);
  std::sort(s.begin(), s.end());
  double q1 = s[s.size() / 4], q3 = s[(s.size() * 3) / 4];
  ToneTask t{name, file, {}};
  for (auto& [score, text] : scored) {
    if (score >= q3) Add(&t, std::move(text), 1);
    else if (score < q1) Add(&t, std::move(text), 0);
  }
  tasks->push_back(std::move(t));
  return Status::OK();
}

Status LoadSimple(const std::string& dir, const std::string& file, std::string_view text_col,
                  std::string_view label_col, ToneTask* task, double (*map)(double)) {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> c;
  NANNI_RETURN_IF_ERROR(Read(dir, file, &rows, {text_col, label_col}, &c));
  for (size_t r = 1; r < rows.size(); ++r) {
    double v;
    if (rows[r].size() <= static_cast<size_t>(std::max(c[0], c[1])) || !Number(rows[r][c[1]], &v)) continue;
    Add(task, rows[r][c[0]], map(v));
  }
  return Status::OK();
}

}  // namespace

Status LoadToneTasks(const std::string& dir, std::vector<ToneTask>* tasks) {
  tasks->clear();
  NANNI_RETURN_IF_ERROR(LoadPoliteness(dir, "politeness_wikipedia.csv", "politeness.wikipedia", tasks));
  NANNI_RETURN_IF_ERROR(LoadPoliteness(dir, "politeness_stackexchange.csv", "politeness.stackexchange", tasks));
  auto tough = [](double v) { return v < 0.5 ? 1.0 : 0.0; };
  auto same = [](double v) { return v; };
  for (const char* community : {"phone", "bowl"}) {
    const std::string file = fmt::format("negotiation_warm_tough_{}.csv", community);
    ToneTask neg{std::string("negotiation.") + community, file, {}};
    NANNI_RETURN_IF_ERROR(LoadSimple(dir, file, "message", "condition", &neg, tough));
    tasks->push_back(std::move(neg));
  }
  ToneTask rec{"receptiveness", "receptiveness.csv", {}};
  NANNI_RETURN_IF_ERROR(LoadSimple(dir, "receptiveness.csv", "text", "receptive", &rec, same));
  tasks->push_back(std::move(rec));
  ToneTask dav{"davidson", "davidson_offensive.csv", {}};
  NANNI_RETURN_IF_ERROR(LoadSimple(dir, "davidson_offensive.csv", "tweet", "class", &dav,
                                   [](double v) { return v < 1.5 ? 1.0 : 0.0; }));
  tasks->push_back(std::move(dav));
  for (const char* col : {"toxic", "threat", "insult", "obscene"}) {
    ToneTask j{std::string("jigsaw.") + col, "jigsaw_toxic_sample.csv", {}};
    NANNI_RETURN_IF_ERROR(LoadSimple(dir, "jigsaw_toxic_sample.csv", "comment_text", col, &j, same));
    tasks->push_back(std::move(j));
  }
  // complaint_tweets.csv has no header: tweet_id, text, complaint, domain.
  std::vector<std::vector<std::string>> rows;
  NANNI_RETURN_IF_ERROR(ReadCsvFile(dir + "/complaint_tweets.csv", &rows));
  ToneTask comp{"complaints", "complaint_tweets.csv", {}};
  for (const auto& r : rows) {
    double v;
    if (r.size() >= 3 && Number(r[2], &v)) Add(&comp, r[1], v);
  }
  tasks->push_back(std::move(comp));
  return Status::OK();
}

namespace {
std::vector<double> Ranks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    double avg = (i + j) / 2.0 + 1;
    for (size_t k = i; k <= j; ++k) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}
}  // namespace

double Auc(const std::vector<double>& scores, const std::vector<int>& labels) {
  std::vector<double> r = Ranks(scores);
  double pos = 0, neg = 0, sum = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    if (labels[i]) {
      pos += 1;
      sum += r[i];
    } else {
      neg += 1;
    }
  }
  if (pos == 0 || neg == 0) return 0.5;
  return (sum - pos * (pos + 1) / 2) / (pos * neg);
}

double Spearman(const std::vector<double>& x, const std::vector<double>& y, double* p_value) {
  std::vector<double> rx = Ranks(x), ry = Ranks(y);
  double n = static_cast<double>(x.size());
  double mx = (n + 1) / 2, sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - mx);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - mx) * (ry[i] - mx);
  }
  double rho = (sxx > 0 && syy > 0) ? sxy / std::sqrt(sxx * syy) : 0;
  if (p_value != nullptr) {
    double t = rho * std::sqrt((n - 2) / std::max(1e-12, 1 - rho * rho));
    *p_value = std::erfc(std::fabs(t) / std::sqrt(2.0));
  }
  return rho;
}

}  // namespace nanni
